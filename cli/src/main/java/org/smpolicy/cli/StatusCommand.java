package org.smpolicy.cli;

import java.util.concurrent.Callable;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.catalogue.PolicyStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code smpolicy status}: the policy's ratification and review status. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print the policy's version, ratification date, review cycle and whether it is overdue for review.")
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @picocli.CommandLine.Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json")
    ClausesCommand.Format format;

    @Override
    public Integer call() {
        SocialMediaPolicy p = policy.build();
        PolicyStatus s = p.status();
        if (format == ClausesCommand.Format.json) {
            spec.commandLine().getOut().println(org.smpolicy.json.JsonCodec.strict().writeStatus(s, p.profile()));
        } else {
            spec.commandLine().getOut().println(s.summary());
        }
        return Main.OK;
    }
}

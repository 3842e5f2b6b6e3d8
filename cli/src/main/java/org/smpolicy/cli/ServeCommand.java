package org.smpolicy.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.smpolicy.SocialMediaPolicy;
import org.smpolicy.server.DecisionServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code smpolicy serve}: the HTTP decision service and the playground page. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve decisions over HTTP (same JSON as 'decide') and the policy playground page.",
                "Listens on 127.0.0.1 by default; stops cleanly on Ctrl-C or SIGTERM. See docs/service.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "2:bad options, or the port could not be bound"})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policy = new PolicyOptions();

    @Option(names = "--port", defaultValue = "8181", description = "the port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "the address to listen on (default ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--max-body", defaultValue = "1048576", description = "largest request body in bytes (default ${DEFAULT-VALUE})")
    int maxBody;

    @Option(names = "--reload-token", description = "token POST /v1/reload requires (default: env SMPOLICY_RELOAD_TOKEN); "
            + "needed when binding to a non-loopback address")
    String reloadToken;

    @Option(names = "--schools", paramLabel = "DIR",
            description = "serve every school profile directory in DIR at /v1/schools/{name}/... (the baseline stays at /v1/...)")
    java.nio.file.Path schools;

    @Option(names = "--access-log", paramLabel = "FILE",
            description = "append one line per request to FILE (- for standard output): time, method, path, status, milliseconds; no personal data")
    String accessLog;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            description = "a browser origin allowed to call the service (repeatable), e.g. https://mis.example.org; none by default")
    java.util.List<String> corsOrigins = new java.util.ArrayList<>();

    @Option(names = "--warm-up", paramLabel = "SECONDS", defaultValue = "10",
            description = "decide the sample requests for at most SECONDS after start (default ${DEFAULT-VALUE}; 0 for none), "
                    + "so the first clients are served at the warm rate; /readyz answers 503 until it ends")
    int warmUp;

    @Override
    public Integer call() throws Exception {
        // Checked before anything starts, against the library's own bound.
        if (warmUp < 0 || warmUp > org.smpolicy.WarmUp.MAX_TIME.toSeconds()) {
            spec.commandLine().getErr().println("smpolicy serve: --warm-up `" + warmUp + "` must be 0 to "
                    + org.smpolicy.WarmUp.MAX_TIME.toSeconds() + " seconds");
            return Main.BAD_INPUT;
        }
        String token = reloadToken != null ? reloadToken : System.getenv("SMPOLICY_RELOAD_TOKEN");
        SocialMediaPolicy p = policy.build();
        DecisionServer server;
        try {
            server = DecisionServer.start(p, policy.school, bind, port, token, maxBody);
        } catch (IllegalArgumentException | java.io.IOException e) {
            spec.commandLine().getErr().println("smpolicy serve: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        server.corsOrigins(new java.util.HashSet<>(corsOrigins));
        if (schools != null) {
            if (!java.nio.file.Files.isDirectory(schools)) {
                server.close();
                spec.commandLine().getErr().println("smpolicy serve: " + schools + ": not a directory");
                return Main.BAD_INPUT;
            }
            server.schools(schools, dir -> policy.builder().profile(dir).build());
        }
        if (accessLog != null) {
            java.io.PrintWriter log = "-".equals(accessLog)
                    ? new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true)
                    : new java.io.PrintWriter(java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of(accessLog),
                            java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND), true);
            server.accessLog(line -> {
                synchronized (log) {
                    log.println(line);
                }
            });
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "smpolicy-shutdown"));
        spec.commandLine().getOut().println("smpolicy serving " + p.profile() + " at " + server.url()
                + "/ (playground), " + server.url() + "/v1/decide (POST)");
        server.schoolStates().forEach((id, state) -> spec.commandLine().getOut().println("  school " + id + " at " + server.url()
                + "/v1/schools/" + id + "/decide: " + state));
        if (warmUp > 0) {
            spec.commandLine().getOut().println("  warming up for at most " + warmUp + " s; /readyz answers 503 until then");
            server.warmUp(java.time.Duration.ofSeconds(warmUp)).whenComplete((w, e) -> {
                if (e == null) {
                    spec.commandLine().getOut().printf("  warm: %,d decisions in %.1f s; ready%n", w.decisions(), w.took().toMillis() / 1000.0);
                } else {
                    spec.commandLine().getOut().println("  warm-up stopped (" + e.getClass().getSimpleName() + "); ready");
                }
                spec.commandLine().getOut().flush();
            });
        }
        spec.commandLine().getOut().flush();
        stopped.await();
        return Main.OK;
    }
}

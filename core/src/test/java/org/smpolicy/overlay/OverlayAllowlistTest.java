package org.smpolicy.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smpolicy.ValidationTestCatalogue;

/**
 * Every class of attack found against overlays, each refused by the allowlist with
 * {@code file:line}, and the DRL a school needs still accepted.
 */
class OverlayAllowlistTest {

    static final String HEADER = "package org.school.test;\n"
            + "import org.smpolicy.drl.Results;\n"
            + "import org.smpolicy.drl.DecisionContext;\n"
            + "import org.smpolicy.model.*;\n";

    /** A rule at line 5 whose condition starts at line 9 and right-hand side at line 11. */
    static String rule(String outcome, String when, String then) {
        return HEADER + "rule \"test.rule\"\n    @clause(\"11.a\")\n    @outcome(\"" + outcome + "\")\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    static String deny(String then) {
        return rule("DENY", "$p : PublishRequest()", then);
    }

    static List<String> check(String drl) {
        DrlParser parser = new DrlParser();
        PackageDescr descr;
        try {
            descr = parser.parse(false, drl);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        if (parser.hasErrors()) {
            return parser.getErrors().stream().map(e -> "parse: " + e.getMessage()).toList();
        }
        return OverlayAllowlist.check("x.drl", drl, descr).stream().map(org.smpolicy.diagnostic.Diagnostic::text).toList();
    }

    static Stream<Arguments> attacks() {
        return Stream.of(
                // Reflection reached through a class literal, the class name hidden in a string.
                Arguments.of("class literal and reflection", deny("Results.class.getClassLoader().loadClass(\"java.lang.Run\" + \"time\")"
                        + ".getMethod(\"getRuntime\").invoke(null);"), 11, "is not allowed"),
                Arguments.of("import function", "package org.school.test;\nimport function java.lang.Runtime.getRuntime;\n", 2, "`import function` is not allowed"),
                Arguments.of("`//` inside a string hides the rest of the line from a text scanner",
                        deny("Results.find(kcontext, \"see http://x\", \"r\"); java.lang.Runtime.getRuntime().exec(\"id\");"), 11, "is not allowed in an overlay's right-hand side"),
                Arguments.of("`/*` inside a string", deny("Results.find(kcontext, \"a /* b\", \"r\"); System.exit(1); // */"), 11, "is not allowed in an overlay's right-hand side"),
                Arguments.of("a whole rule on an import line", "package org.school.test; import org.smpolicy.drl.Results; import org.smpolicy.model.*; "
                        + "rule \"test.x\" @clause(\"11.a\") @outcome(\"DENY\") when PublishRequest() then System.exit(1); end\n", 1, "is not allowed in an overlay's right-hand side"),
                Arguments.of("unicode escape", deny("Results.find(kcontext, \"\\u0022); System.exit(1); //\", \"r\");"), 11, "`\\u` escapes are not allowed"),
                Arguments.of("qualified name split across lines", deny("java.lang\n    .Runtime.getRuntime().exec(\"id\");"), 11, "is not allowed"),
                Arguments.of("qualified name with a space", deny("new java .net.URI(\"http://x\").toURL().openStream();"), 11, "is not allowed"),
                Arguments.of("java.util.Formatter writes files", deny("new java.util.Formatter(\"/tmp/pwned\").close();"), 11, "is not allowed"),
                Arguments.of("FileHandler", deny("new java.util.logging.FileHandler(\"/tmp/pwned\");"), 11, "is not allowed"),
                Arguments.of("ProcessHandle", deny("ProcessHandle.of(1L).ifPresent(ProcessHandle::destroy);"), 11, "is not allowed"),
                Arguments.of("Timer", deny("new java.util.Timer();"), 11, "is not allowed"),
                Arguments.of("JNDI lookup", deny("new javax.naming.InitialContext().lookup(\"ldap://x\");"), 11, "is not allowed"),
                Arguments.of("XML parser", deny("javax.xml.parsers.DocumentBuilderFactory.newInstance();"), 11, "is not allowed"),
                Arguments.of("eval", rule("DENY", "eval(Runtime.getRuntime() != null)", "Results.find(kcontext, \"m\", \"r\");"), 9, "`eval` is not allowed"),
                Arguments.of("from an expression", rule("DENY", "$l : String() from java.nio.file.Files.readAllLines(java.nio.file.Path.of(\"/etc/passwd\"))",
                        "Results.find(kcontext, \"m\", \"r\");"), 9, "is not allowed"),
                Arguments.of("inline accumulate", rule("DENY", "$n : Number() from accumulate(PublishRequest(), count(1))",
                        "Results.find(kcontext, \"m\", \"r\");"), 9, "`accumulate` is not allowed"),
                Arguments.of("collect", rule("DENY", "$l : java.util.List() from collect(PublishRequest())",
                        "Results.find(kcontext, \"m\", \"r\");"), 9, "not allowed"),
                Arguments.of("function after other tokens on a line", HEADER + "/* x */ function void f() { System.exit(1); }\n", 5, "`function` is not allowed"),
                Arguments.of("global after other tokens on a line", HEADER + "/* x */ global java.util.List sink;\n", 5, "`global` is not allowed"),
                Arguments.of("declare", HEADER + "declare Evil\n  x : String\nend\n", 5, "`declare` is not allowed"),
                Arguments.of("dialect on a rule", HEADER + "rule \"test.d\"\n    @clause(\"11.a\")\n    @outcome(\"DENY\")\n    dialect \"mvel\"\nwhen\n    PublishRequest()\nthen\n"
                        + "    Results.find(kcontext, \"m\", \"r\");\nend\n", 8, "attribute `dialect` is not allowed"),
                Arguments.of("dialect on the package", "package org.school.test;\ndialect \"mvel\"\n", 2, "attribute `dialect` is not allowed"),
                Arguments.of("a package inside the library", "package org.smpolicy.internal;\nimport org.smpolicy.model.*;\n", 1, "package `org.smpolicy.internal` is not allowed"),
                Arguments.of("a package inside Drools", "package org.drools.core;\n", 1, "package `org.drools.core` is not allowed"),
                Arguments.of("import outside the allowlist", "package org.school.test;\nimport org.smpolicy.decision.Finding;\n", 2, "import `org.smpolicy.decision.Finding` is not allowed"),
                Arguments.of("a forged finding carrying a baseline rule id", deny("kcontext.getKieRuntime().insert(new org.smpolicy.decision.Finding(\"11.b\", java.util.List.of(\"11.b\"), "
                        + "\"publish.student-image-personal-account\", org.smpolicy.decision.Effect.ADVICE, \"m\", null));"), 11, "is not allowed"),
                Arguments.of("salience and halt", HEADER + "rule \"test.halt\"\n    @clause(\"11.a\")\n    @outcome(\"NOTE\")\n    salience 100000\nwhen\n"
                        + "    PublishRequest( account.id == \"acc-7\" )\nthen\n    kcontext.getKieRuntime().halt();\nend\n", 8, "attribute `salience` is not allowed"),
                Arguments.of("halt without salience", rule("NOTE", "PublishRequest( account.id == \"acc-7\" )", "kcontext.getKieRuntime().halt();"), 11, "is not allowed in an overlay's right-hand side"),
                Arguments.of("deleting results through a method reference", rule("NOTE", "PublishRequest()",
                        "kcontext.getKieRuntime().getFactHandles().forEach(kcontext.getKieRuntime()::delete);"), 11, "is not allowed in an overlay's right-hand side"),
                Arguments.of("deleting results across a line break", rule("NOTE", "PublishRequest()",
                        "Results.find(kcontext, \"m\");\n    kcontext\n        .getKieRuntime().getFactHandles().clear();"), 12, "is not allowed in an overlay's right-hand side"),
                Arguments.of("a lambda in a result argument", deny("Results.find(kcontext, ((java.util.function.Supplier<String>) () -> \"m\").get(), \"r\");"), 11, "is not allowed"),
                Arguments.of("a method of the runtime in a constraint", rule("DENY", "PublishRequest( Runtime.getRuntime().availableProcessors() > 0 )",
                        "Results.find(kcontext, \"m\", \"r\");"), 9, "is not allowed"),
                Arguments.of("regular expressions (matches) in a constraint", rule("DENY", "PublishRequest( post.text matches \"(a+)+b\" )",
                        "Results.find(kcontext, \"m\", \"r\");"), 9, "operator `matches` is not allowed"),
                Arguments.of("a pattern over results", rule("DENY", "org.smpolicy.decision.Finding()", "Results.find(kcontext, \"m\", \"r\");"), 9, "pattern type"),
                Arguments.of("a pattern over Object", rule("DENY", "Object()", "Results.find(kcontext, \"m\", \"r\");"), 9, "pattern type `Object` is not allowed"),
                Arguments.of("entry point", rule("DENY", "PublishRequest() from entry-point \"x\"", "Results.find(kcontext, \"m\", \"r\");"), 9, "not allowed"),
                Arguments.of("query", HEADER + "query \"all\"\n    PublishRequest()\nend\n", 5, "`query` is not allowed"),
                Arguments.of("other annotations", HEADER + "rule \"test.a\"\n    @clause(\"11.a\")\n    @outcome(\"DENY\")\n    @Propagation(IMMEDIATE)\nwhen\n    PublishRequest()\nthen\n"
                        + "    Results.find(kcontext, \"m\", \"r\");\nend\n", 5, "annotation `@Propagation` is not allowed"),
                Arguments.of("an ADVICE rule that denies", rule("ADVICE", "PublishRequest()", "Results.find(kcontext, \"m\", \"r\");"), 11,
                        "a rule with @outcome(\"ADVICE\") calls Results.find(kcontext, message)"),
                Arguments.of("kcontext passed on", deny("Results.find(kcontext, \"\" + kcontext.getKieRuntime(), \"r\");"), 11, "is not allowed"),
                Arguments.of("a local variable", deny("String s = \"x\"; Results.find(kcontext, s, \"r\");"), 11, "is not allowed in an overlay's right-hand side"),
                Arguments.of("a binding that shadows a type name, bound inside `not`", rule("DENY", "$p : PublishRequest()\n    not( String : Post() )",
                        "Results.find(kcontext, String.valueOf(42), \"r\");"), 10, "binding `String` is not allowed"),
                Arguments.of("a name bound inside `not` used after it", rule("DENY", "$p : PublishRequest()\n    not( $x : Post() )",
                        "Results.find(kcontext, \"\" + $x, \"r\");"), 12, "`$x` is not allowed here"),
                Arguments.of("a cross join over collections", rule("DENY", "$r : PublishRequest()\n    $a : Image() from $r.images\n"
                        + "    $b : Image() from $r.images\n    $c : Image( id == \"never\" ) from $r.images", "Results.find(kcontext, \"m\", \"r\");"), 5,
                        "patterns with `from`; an overlay rule may have at most 2"),
                Arguments.of("a model builder", rule("DENY", "PublishRequest( Post.builder() != null )",
                        "Results.find(kcontext, \"m\", \"r\");"), 9, "method `builder` is not allowed"),
                Arguments.of("Enum.valueOf that throws on chosen input", rule("DENY", "PublishRequest( Answer.valueOf(post.text) != null )",
                        "Results.find(kcontext, \"m\", \"r\");"), 9, "method `valueOf` is not allowed"),
                Arguments.of("a constraint too long to evaluate cheaply", rule("NOTE", "PublishRequest( post.text" + " + post.text".repeat(400) + " != null )",
                        "Results.find(kcontext, \"m\");"), 9, "is too long for an overlay"),
                Arguments.of("getClass on a bound fact", deny("Results.find(kcontext, \"\" + $p.getClass().getClassLoader(), \"r\");"), 11, "method `getClass` is not allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void everyAttackClassIsRefusedWithFileAndLine(String name, String drl, int line, String message) {
        assertThat(check(drl)).as(name).isNotEmpty().anySatisfy(p -> assertThat(p).startsWith("x.drl:" + line + ": ").contains(message));
    }

    @Test
    void aBenignOverlayAddingEveryKindOfResultIsAccepted() {
        String drl = HEADER
                + "rule \"test.deny\"\n    @clause(\"11.b\")\n    @outcome(\"DENY\")\nwhen\n"
                + "    $r : PublishRequest( account.channel == Channel.PRESS, !account.official(), $images : images )\n"
                + "    $img : Image( showsStudents != Answer.NO, people.size() > 0 || taggingEnabled ) from $images\n"
                + "    not DepictedPerson( consent.status == ConsentStatus.GRANTED ) from $img.people\n"
                + "then\n    Results.find(kcontext, \"image `\" + $img.id() + \"` on \" + $r.account().id(), \"ask the head\");\nend\n"
                + "rule \"test.review\"\n    @clause(\"11.a\")\n    @outcome(\"REVIEW\")\nwhen\n"
                + "    $ctx : DecisionContext( $today : today )\n"
                + "    EngagementRequest( action in (EngagementAction.FOLLOW, EngagementAction.LIKE), $t : target )\n"
                + "    exists ( Person( role == PersonRole.STUDENT ) from $t )\n"
                + "then\n    Results.find(kcontext, \"follow on \" + $today, \"check\");\nend\n"
                + "rule \"test.advice\"\n    @clause(\"15.a.x\")\n    @outcome(\"ADVICE\")\nwhen\n"
                + "    PublishRequest( post.text.length() > 500 || post.text.toLowerCase().contains(\"trip\") )\n"
                + "then\n    Results.find(kcontext, \"long post\");\nend\n"
                + "rule \"test.oblige\"\n    @clause(\"6\")\n    @outcome(\"OBLIGATION\")\nwhen\n"
                + "    $ctx : DecisionContext()\n    $m : IncomingMessage( concerns contains Concern.ILLEGAL, kind != MessageKind.COMMENT )\n"
                + "then\n    Results.oblige(kcontext, Role.SLT, \"CALL_PARENTS\", $ctx.responseDue($m.receivedAt().toInstant()), \"call the parents about \" + $m.id());\nend\n";
        assertThat(check(drl)).isEmpty();
    }

    @Test
    void everyFactTypeIsAModelOrDrlType() {
        assertThat(ExpressionAllowlist.FACT_TYPES).allSatisfy(c -> assertThat(c.getPackageName()).isIn("org.smpolicy.model", "org.smpolicy.drl"));
    }

    @Test
    void deepNestingIsRefusedNotACrash() {
        String deep = rule("NOTE", "PublishRequest( " + "(".repeat(3000) + "post.text != null" + ")".repeat(3000) + " )", "Results.find(kcontext, \"m\");");
        java.util.List<String> problems = new java.util.ArrayList<>();
        org.smpolicy.profile.SchoolProfile.OverlayFile f = new org.smpolicy.profile.SchoolProfile.OverlayFile(java.nio.file.Path.of("x.drl"), deep);
        Overlays.check(List.of(f), ValidationTestCatalogue.get(), java.util.Set.of(), new java.util.HashMap<>(), new java.util.ArrayList<>())
                .forEach(d -> problems.add(d.text()));
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("x.drl:"));
    }

    @org.junit.jupiter.api.Test
    void aMisspelledOutcomeAndAMissingImportAreNamed() {
        // Issue 26: the messages say what is wrong and what to write instead.
        assertThat(check(rule("REVEIW", "$p : PublishRequest()", "Results.find(kcontext, \"m\", \"r\");")))
                .anySatisfy(p -> assertThat(p).contains("@outcome(\"REVEIW\"), which is not an outcome: use one of").contains("REVIEW"));
        String withoutModelImport = "package org.school.test;\nimport org.smpolicy.drl.Results;\nimport org.smpolicy.model.Image;\n"
                + "import org.smpolicy.model.PublishRequest;\nrule \"test.rule\"\n    @clause(\"11.a\")\n    @outcome(\"NOTE\")\nwhen\n"
                + "    PublishRequest( $i : images )\n    Image( showsStudents == Answer.YES ) from $i\nthen\n    Results.find(kcontext, \"m\");\nend\n";
        assertThat(check(withoutModelImport)).anySatisfy(p -> assertThat(p).contains("`Answer` is not imported: add `import org.smpolicy.model.Answer;`"));
    }
}

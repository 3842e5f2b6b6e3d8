package org.smpolicy.overlay;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.smpolicy.decision.RuleEffect;
import org.smpolicy.diagnostic.Diagnostic;
import org.smpolicy.drl.DecisionContext;
import org.smpolicy.drl.Results;
import org.smpolicy.model.*;

/**
 * The allowlist an overlay's parsed DRL is held against before anything of it is compiled. It
 * accepts what is known to be safe and refuses the rest, so that an overlay can only add
 * findings and obligations and can run no other code.
 *
 * <p>Structure comes from Drools' own DRL parser; the text it leaves (constraints, {@code from}
 * sources, right-hand sides) is parsed with Drools' DRLX/Java parser, the one the executable
 * model compiles with, and every node must be of a kind listed here. Nothing is looked up by
 * searching the source text for words.
 */
final class OverlayAllowlist {

    /** Packages an overlay may live in: a school's or a trust's own namespace. */
    static final List<String> PACKAGE_PREFIXES = List.of("org.school.", "org.trust.");

    /** Most patterns one overlay rule may join: bounds the work a rule can make a decision do. */
    static final int MAX_PATTERNS = 4;
    /** Most patterns over a collection ({@code from}) in one rule: with lists of at most 200 entries, a join stays small. */
    static final int MAX_FROM = 2;
    /** Most constraints in one pattern: what a pattern costs grows with them. */
    static final int MAX_CONSTRAINTS = 16;

    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

    private final String where;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final Set<String> imported = new HashSet<>();
    private final ExpressionAllowlist expressions = new ExpressionAllowlist(this::refuse, imported);

    private OverlayAllowlist(String where) {
        this.where = where;
    }

    /**
     * Holds one parsed overlay file against the allowlist.
     *
     * @param where the file, for messages
     * @param text  its text
     * @param descr what Drools' parser made of it
     * @return one problem, at its file and line, for each construct that is not allowed
     */
    static List<Diagnostic> check(String where, String text, PackageDescr descr) {
        OverlayAllowlist a = new OverlayAllowlist(where);
        a.file(text, descr);
        return a.problems;
    }

    /** @return whether a simple type name is one an overlay may use */
    static boolean allowedType(String name) {
        return ExpressionAllowlist.TYPES.containsKey(name);
    }

    private void refuse(int line, String message) {
        problems.add(Diagnostic.profile(where, Math.max(1, line), message));
    }

    private void file(String text, PackageDescr descr) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            // javac turns \\u escapes into characters before it parses, anywhere in generated code:
            // one could end a string literal or a comment where the DRL parser saw none.
            if (lines[i].contains("\\u")) {
                refuse(i + 1, "`\\u` escapes are not allowed in overlays; write the character itself");
            }
        }
        String pkg = descr.getNamespace();
        if (pkg == null || pkg.isBlank()) {
            refuse(1, "an overlay needs a `package` of its own, e.g. `package org.school.merriott;`");
        } else if (!PACKAGE.matcher(pkg).matches() || PACKAGE_PREFIXES.stream().noneMatch(pkg::startsWith)) {
            refuse(OverlayText.lineOf(text, "package"), "package `" + pkg + "` is not allowed: an overlay lives in a package of its own under "
                    + String.join(" or ", PACKAGE_PREFIXES.stream().map(p -> "`" + p + "*`").toList()));
        }
        for (ImportDescr i : descr.getImports()) {
            importDecl(i);
        }
        descr.getFunctionImports().forEach(i -> refuse(i.getLine(), "`import function` is not allowed in overlays"));
        descr.getAccumulateImports().forEach(i -> refuse(i.getLine(), "`import accumulate` is not allowed in overlays"));
        descr.getGlobals().forEach(g -> refuse(g.getLine(), "`global` is not allowed in overlays (state shared between decisions)"));
        descr.getFunctions().forEach(f -> refuse(f.getLine(), "`function` is not allowed in overlays"));
        descr.getTypeDeclarations().forEach(t -> refuse(t.getLine(), "`declare` is not allowed in overlays"));
        descr.getEnumDeclarations().forEach(t -> refuse(t.getLine(), "`declare enum` is not allowed in overlays"));
        descr.getEntryPointDeclarations().forEach(t -> refuse(t.getLine(), "`declare entry-point` is not allowed in overlays"));
        descr.getWindowDeclarations().forEach(t -> refuse(t.getLine(), "`declare window` is not allowed in overlays"));
        descr.getAttributes().forEach(a -> refuse(a.getLine(), "attribute `" + a.getName() + "` is not allowed in overlays"));
        if (descr.getUnit() != null) {
            refuse(descr.getUnit().getLine(), "`unit` is not allowed in overlays");
        }
        for (RuleDescr r : descr.getRules()) {
            rule(r, lines);
        }
    }

    private void importDecl(ImportDescr i) {
        String t = i.getTarget();
        int dot = t.lastIndexOf('.');
        String pkg = dot < 0 ? "" : t.substring(0, dot);
        String name = t.substring(dot + 1);
        boolean ourPackage = pkg.equals("org.smpolicy.model") || pkg.equals("org.smpolicy.drl");
        if (ourPackage && name.equals("*")) {
            imported.add(pkg);
            return;
        }
        if (ourPackage && (ExpressionAllowlist.TYPES.containsKey(name) && ExpressionAllowlist.TYPES.get(name).getPackageName().equals(pkg)
                || pkg.equals("org.smpolicy.drl") && name.equals(Results.class.getSimpleName()))) {
            imported.add(t);
            return;
        }
        refuse(i.getLine(), "import `" + t + "` is not allowed: overlays import only from org.smpolicy.model and org.smpolicy.drl");
    }

    private void rule(RuleDescr r, String[] source) {
        int line = r.getLine();
        String id = r.getName();
        if (r.isQuery()) {
            refuse(line, "`query` is not allowed in overlays");
            return;
        }
        if (id == null || !RULE_ID.matcher(id).matches()) {
            refuse(line, "rule name `" + OverlayText.safe(id) + "` is not allowed: use a lower-case id such as `school.what-it-catches`");
        }
        r.getAttributes().values().forEach(a -> refuse(a.getLine() > 0 ? a.getLine() : line,
                "attribute `" + a.getName() + "` is not allowed in overlays: a rule has only @clause and @outcome"));
        if (r.hasParent()) {
            refuse(line, "`extends` is not allowed in overlays");
        }
        if (!r.getNamedConsequences().isEmpty()) {
            refuse(line, "named consequences are not allowed in overlays");
        }
        if (r.getUnit() != null) {
            refuse(line, "rule units are not allowed in overlays");
        }
        String outcome = null;
        for (AnnotationDescr a : r.getAnnotations()) {
            if (!a.getName().equals("clause") && !a.getName().equals("outcome")) {
                refuse(line, "annotation `@" + a.getName() + "` is not allowed in overlays: a rule has only @clause and @outcome");
            } else if (a.getValueMap().size() != 1 || !(a.getSingleValue() instanceof String)) {
                refuse(line, "`@" + a.getName() + "` takes one string, e.g. @" + a.getName() + "(\"11.a\")");
            } else if (a.getName().equals("outcome")) {
                outcome = Overlays.annotationValue(a);
                if (org.smpolicy.decision.RuleEffect.parse(outcome).isEmpty()) {
                    refuse(line, "rule `" + id + "` has @outcome(\"" + OverlayText.safe(outcome) + "\"), which is not an outcome: use one of "
                            + List.of(RuleEffect.values()));
                    outcome = null;
                }
            } else if (!Overlays.annotationValue(a).matches("[0-9a-z., ]{1,80}")) {
                refuse(line, "`@clause` names clause ids such as \"11.a\" or \"11.b, 4.a.ii.1\"");
            }
        }
        Set<String> bound = new LinkedHashSet<>();
        int[] patterns = {0, 0};
        lhs(r.getLhs(), bound, patterns, line);
        if (patterns[0] > MAX_PATTERNS) {
            refuse(line, "rule `" + id + "` joins " + patterns[0] + " patterns; an overlay rule may join at most " + MAX_PATTERNS);
        }
        if (patterns[1] > MAX_FROM) {
            refuse(line, "rule `" + id + "` has " + patterns[1] + " patterns with `from`; an overlay rule may have at most " + MAX_FROM);
        }
        rhs(r, bound, outcome, source);
    }

    private void lhs(BaseDescr d, Set<String> bound, int[] patterns, int line) {
        int at = d.getLine() > 0 ? d.getLine() : line;
        if (d instanceof PatternDescr p) {
            pattern(p, bound, patterns, at);
        } else if (d instanceof AndDescr) {
            for (BaseDescr c : ((AndDescr) d).getDescrs()) {
                lhs(c, bound, patterns, at);
            }
        } else if (d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr) {
            // A name bound inside `not`, `exists` or one branch of `or` is not visible after it.
            for (BaseDescr c : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                lhs(c, new LinkedHashSet<>(bound), patterns, at);
            }
        } else {
            refuse(at, describe(d) + " is not allowed in overlay conditions: use patterns, `not`, `exists`, `and`, `or` and `from` over a bound fact's property");
        }
    }

    private void pattern(PatternDescr p, Set<String> bound, int[] patterns, int line) {
        patterns[0]++;
        String type = p.getObjectType();
        if (p.isQuery() || type == null || !ExpressionAllowlist.TYPES.containsKey(type) || !expressions.typeVisible(type)) {
            refuse(line, "pattern type `" + OverlayText.safe(type) + "` is not allowed: match only imported org.smpolicy.model types and DecisionContext");
        }
        if (!p.getAnnotations().isEmpty()) {
            refuse(line, "annotations on patterns are not allowed in overlays");
        }
        if (!p.getBehaviors().isEmpty()) {
            refuse(line, "windows (`over`) are not allowed in overlays");
        }
        if (p.getSource() != null) {
            patterns[1]++;
            if (p.getSource() instanceof FromDescr f) {
                expressions.propertyPath(f.getDataSource() == null ? null : f.getDataSource().toString(), bound, line);
            } else {
                refuse(line, describe(p.getSource()) + " is not allowed in overlays: `from` only over a bound fact's property, such as `from $post.images`");
            }
        }
        if (p.getDescrs().size() > MAX_CONSTRAINTS) {
            refuse(line, "a pattern with " + p.getDescrs().size() + " constraints is too costly for an overlay (at most " + MAX_CONSTRAINTS + ")");
        }
        for (BaseDescr c : p.getDescrs()) {
            int at = c.getLine() > 0 ? c.getLine() : line;
            if (c instanceof ExprConstraintDescr e) {
                expressions.constraint(e.getExpression(), bound, at);
            } else if (c instanceof BindingDescr b) {
                expressions.variable(b.getVariable(), bound, at);
                expressions.constraint(b.getExpression(), bound, at);
            } else {
                refuse(at, describe(c) + " is not allowed in overlay constraints");
            }
        }
        if (p.getIdentifier() != null) {
            expressions.variable(p.getIdentifier(), bound, line);
        }
    }

    /** The most a literal may move a date (days, weeks, months or years): beyond it a date overflows. */

    private void rhs(RuleDescr r, Set<String> bound, String outcome, String[] source) {
        int line = r.getConsequenceLine() > 0 ? r.getConsequenceLine() : r.getLine();
        Object consequence = r.getConsequence();
        // Drools' consequence line is sometimes that of `then`, sometimes the line before; the
        // text after `then` starts at the first non-blank character after the keyword.
        for (int i = Math.max(0, line - 2); i < source.length; i++) {
            if (source[i].matches("(^|.*\\s)then(\\s.*|$)")) {
                line = i + 1;
                break;
            }
        }
        if (line - 1 < source.length) {
            int then = source[line - 1].indexOf("then");
            String rest = then < 0 ? "" : source[line - 1].substring(then + 4);
            while (rest.isBlank() && line < source.length) {
                rest = source[line++];
            }
        }
        if (consequence == null) {
            return;
        }
        if (!(consequence instanceof String text)) {
            refuse(line, "this right-hand side is not allowed in overlays");
            return;
        }
        if (text.length() > ExpressionAllowlist.MAX_EXPRESSION) {
            refuse(line, "a right-hand side of " + text.length() + " characters is too long for an overlay (at most " + ExpressionAllowlist.MAX_EXPRESSION + ")");
            return;
        }
        // Plain Java, as the executable model compiles it; Drools' MVEL-flavoured parser keeps no positions.
        ParseResult<BlockStmt> parsed = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parseBlock("{" + text.strip() + "\n}");
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            refuse(line, "cannot parse the right-hand side as Java: it may only call Results.find or Results.oblige");
            return;
        }
        BlockStmt block = parsed.getResult().get();
        int start = line;
        for (Statement s : block.getStatements()) {
            int at = s.getRange().map(x -> start + x.begin.line - 1).orElse(start);
            if (s instanceof EmptyStmt) {
                continue;
            }
            if (!(s instanceof ExpressionStmt es) || !(es.getExpression() instanceof MethodCallExpr m)
                    || !(m.getScope().orElse(null) instanceof NameExpr scope) || !scope.getNameAsString().equals("Results")
                    || !resultsVisible() || m.getTypeArguments().isPresent()) {
                refuse(at, describe(s) + " is not allowed in an overlay's right-hand side: it may only call Results.find or Results.oblige");
                continue;
            }
            String name = m.getNameAsString();
            int n = m.getArguments().size();
            boolean shape = name.equals("find") && (n == 2 || n == 3) || name.equals("oblige") && n == 5;
            if (!shape) {
                refuse(at, "`Results." + OverlayText.safe(name) + "` with " + n + " arguments is not allowed: call Results.find(kcontext, message, remedy), "
                        + "Results.find(kcontext, message) or Results.oblige(kcontext, owner, action, due, message)");
                continue;
            }
            java.util.Optional<org.smpolicy.decision.RuleEffect> effect = outcome == null ? java.util.Optional.empty() : org.smpolicy.decision.RuleEffect.parse(outcome);
            if (effect.isPresent()) {
                String expected = switch (effect.get()) {
                    case DENY, REVIEW -> "find3";
                    case ADVICE, NOTE -> "find2";
                    case OBLIGATION -> "oblige5";
                };
                if (!expected.equals(name + n)) {
                    refuse(at, "a rule with @outcome(\"" + outcome + "\") calls " + switch (expected) {
                        case "find3" -> "Results.find(kcontext, message, remedy)";
                        case "find2" -> "Results.find(kcontext, message)";
                        default -> "Results.oblige(kcontext, owner, action, due, message)";
                    });
                }
            }
            Expression first = m.getArguments().get(0);
            if (!(first instanceof NameExpr k && k.getNameAsString().equals("kcontext"))) {
                refuse(at, "the first argument of Results." + name + " must be `kcontext`");
            }
            for (int i = 1; i < n; i++) {
                Expression arg = m.getArguments().get(i);
                if (arg instanceof NullLiteralExpr) {
                    refuse(at, "argument " + (i + 1) + " of Results." + name + " is `null`: a finding needs a message (and a REVIEW or DENY a remedy)");
                }
                expressions.bounded(arg, at);
                expressions.value(arg, bound, at, false);
            }
        }
    }

    private boolean resultsVisible() {
        return imported.contains("org.smpolicy.drl") || imported.contains(Results.class.getName());
    }

    static String describe(Object n) {
        String s = n.getClass().getSimpleName();
        return switch (s) {
            case "EvalDescr" -> "`eval`";
            case "AccumulateDescr" -> "`accumulate`";
            case "CollectDescr" -> "`collect`";
            case "ForallDescr" -> "`forall`";
            case "EntryPointDescr" -> "`from entry-point`";
            case "WindowReferenceDescr" -> "`from window`";
            case "ConditionalBranchDescr", "NamedConsequenceDescr" -> "`if`/`do` branches";
            case "ObjectCreationExpr" -> "`new`";
            case "LambdaExpr" -> "a lambda";
            case "MethodReferenceExpr" -> "a method reference";
            case "CastExpr", "InlineCastExpr", "FullyQualifiedInlineCastExpr" -> "a cast";
            case "ClassExpr" -> "a class literal";
            case "AssignExpr" -> "an assignment";
            case "ConditionalExpr" -> "`?:`";
            case "ArrayAccessExpr" -> "array access";
            case "ArrayCreationExpr", "ArrayInitializerExpr" -> "an array";
            case "InstanceOfExpr" -> "`instanceof`";
            case "ThisExpr", "SuperExpr" -> "`this`/`super`";
            case "OOPathExpr" -> "an OOPath";
            case "ModifyStatement", "WithStatement" -> "`modify`/`with`";
            case "ExpressionStmt" -> "this statement";
            default -> "`" + s.replace("Descr", "").replace("Expr", "").replace("Stmt", "").toLowerCase(java.util.Locale.ROOT) + "`";
        };
    }
}

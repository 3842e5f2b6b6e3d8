package org.smpolicy.overlay;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import org.drools.mvel.parser.DrlxParser;
import org.drools.mvel.parser.ast.expr.BigDecimalLiteralExpr;
import org.drools.mvel.parser.ast.expr.BigIntegerLiteralExpr;
import org.drools.mvel.parser.ast.expr.DrlNameExpr;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.HalfPointFreeExpr;
import org.drools.mvel.parser.ast.expr.NullSafeFieldAccessExpr;
import org.drools.mvel.parser.ast.expr.NullSafeMethodCallExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;
import org.smpolicy.decision.RuleEffect;
import org.smpolicy.drl.DecisionContext;
import org.smpolicy.drl.Parameters;
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

    /** The types a pattern may match, and whose members constraints and right-hand sides may read. */
    static final List<Class<?>> FACT_TYPES = List.of(Account.class, AccountApplication.class, AccountType.class, Answer.class,
            Channel.class, Concern.class, Consent.class, ConsentStatus.class, ContactChannel.class, ContactRequest.class,
            ContentFlag.class, DepictedPerson.class, EngagementAction.class, EngagementRequest.class, Image.class,
            IncidentKind.class, IncidentReport.class, IncomingMessage.class, Link.class, MessageKind.class, Person.class,
            PersonRole.class, PolicyRequest.class, Post.class, PublishRequest.class, Role.class, Runner.class,
            SharedMaterial.class, SltDecision.class, StaffDeparture.class, StudentAgeStatus.class, TargetPost.class,
            Visibility.class, Actor.class, DecisionContext.class, Parameters.class);

    /** Pure methods of JDK value types (strings, dates, collections, enums) that constraints may call. */
    static final Set<String> JDK_PURE_METHODS = Set.of("size", "isEmpty", "contains", "containsKey", "name", "equals",
            "compareTo", "length", "startsWith", "endsWith", "toLowerCase", "toUpperCase", "strip", "isBlank",
            "isBefore", "isAfter", "isEqual", "getYear", "getMonthValue", "getDayOfMonth", "getDayOfWeek",
            "plusDays", "minusDays", "plusWeeks", "minusWeeks", "plusMonths", "minusMonths", "plusYears", "minusYears",
            "toLocalDate", "toInstant", "toString");

    /** Binary operators: comparisons, logic and {@code +}/{@code -} (no division: it can throw). */
    static final Set<BinaryExpr.Operator> OPERATORS = Set.of(BinaryExpr.Operator.EQUALS, BinaryExpr.Operator.NOT_EQUALS,
            BinaryExpr.Operator.LESS, BinaryExpr.Operator.LESS_EQUALS, BinaryExpr.Operator.GREATER,
            BinaryExpr.Operator.GREATER_EQUALS, BinaryExpr.Operator.AND, BinaryExpr.Operator.OR,
            BinaryExpr.Operator.PLUS, BinaryExpr.Operator.MINUS);

    /** Most patterns one overlay rule may join: bounds the work a rule can make a decision do. */
    static final int MAX_PATTERNS = 4;
    /** Most patterns over a collection ({@code from}) in one rule: with lists of at most 200 entries, a join stays small. */
    static final int MAX_FROM = 2;
    /** Longest constraint or right-hand side, in characters: bounds parser depth and string building. */
    static final int MAX_EXPRESSION = 2_000;
    /** Most constraints in one pattern: what a pattern costs grows with them. */
    static final int MAX_CONSTRAINTS = 16;
    /** Most parts one string concatenation may join: what an overlay builds stays small. */
    static final int MAX_PARTS = 16;
    /** Most method calls in one constraint or argument. */
    static final int MAX_CALLS = 8;

    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");
    // Bindings start with `$`: a binding may never shadow a type name such as `String`.
    private static final Pattern VARIABLE = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");

    private static final Map<String, Class<?>> TYPES = new HashMap<>();
    private static final Set<String> MEMBERS = new HashSet<>();

    static {
        for (Class<?> c : FACT_TYPES) {
            TYPES.put(c.getSimpleName(), c);
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                    MEMBERS.add(m.getName());
                }
            }
        }
        MEMBERS.addAll(JDK_PURE_METHODS);
        // Names no overlay may call whatever a model type declares: they exist on Object or Enum.
        MEMBERS.removeAll(Set.of("getClass", "getDeclaringClass", "wait", "notify", "notifyAll", "hashCode", "describeConstable",
                // Enum.valueOf throws on a value it does not know: an overlay could make chosen decisions fail.
                "valueOf"));
    }

    private final String where;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> imported = new HashSet<>();

    private OverlayAllowlist(String where) {
        this.where = where;
    }

    /**
     * Holds one parsed overlay file against the allowlist.
     *
     * @param where the file, for messages
     * @param text  its text
     * @param descr what Drools' parser made of it
     * @return {@code file:line: message} for each construct that is not allowed
     */
    static List<String> check(String where, String text, PackageDescr descr) {
        OverlayAllowlist a = new OverlayAllowlist(where);
        a.file(text, descr);
        return a.problems;
    }

    /** @return whether a simple type name is one an overlay may use */
    static boolean allowedType(String name) {
        return TYPES.containsKey(name);
    }

    private void refuse(int line, String message) {
        problems.add(where + ":" + Math.max(1, line) + ": " + message);
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
        if (ourPackage && (TYPES.containsKey(name) && TYPES.get(name).getPackageName().equals(pkg)
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
        if (p.isQuery() || type == null || !TYPES.containsKey(type) || !typeVisible(type)) {
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
                propertyPath(f.getDataSource() == null ? null : f.getDataSource().toString(), bound, line);
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
                constraint(e.getExpression(), bound, at);
            } else if (c instanceof BindingDescr b) {
                variable(b.getVariable(), bound, at);
                constraint(b.getExpression(), bound, at);
            } else {
                refuse(at, describe(c) + " is not allowed in overlay constraints");
            }
        }
        if (p.getIdentifier() != null) {
            variable(p.getIdentifier(), bound, line);
        }
    }

    private boolean typeVisible(String simple) {
        Class<?> c = TYPES.get(simple);
        return imported.contains(c.getPackageName()) || imported.contains(c.getName());
    }

    private void variable(String name, Set<String> bound, int line) {
        if (name == null || !VARIABLE.matcher(name).matches() || name.equals("kcontext") || name.equals("drools")) {
            refuse(line, "binding `" + OverlayText.safe(name) + "` is not allowed: use a name such as `$img`");
        } else {
            bound.add(name);
        }
    }

    private void propertyPath(String text, Set<String> bound, int line) {
        Expression e = parseExpression(text, line);
        if (e == null) {
            return;
        }
        Expression root = e;
        while (true) {
            if (root instanceof FieldAccessExpr f && MEMBERS.contains(f.getNameAsString())) {
                root = f.getScope();
            } else if (root instanceof MethodCallExpr m && m.getArguments().isEmpty() && m.getScope().isPresent()
                    && MEMBERS.contains(m.getNameAsString())) {
                root = m.getScope().get();
            } else {
                break;
            }
        }
        if (!(root instanceof NameExpr n && bound.contains(n.getNameAsString()))) {
            refuse(line, "`from` is allowed only over a property of a bound fact, such as `from $post.images`");
        }
    }

    private Expression parseExpression(String text, int line) {
        if (text == null) {
            refuse(line, "an empty expression is not allowed");
            return null;
        }
        try {
            DrlxExpression d = DrlxParser.parseExpression(DrlxParser.buildDrlxParserWithArguments(List.of()), text);
            if (d.getBind() != null) {
                refuse(line, "a binding is not allowed here");
            }
            return d.getExpr();
        } catch (RuntimeException e) {
            refuse(line, "cannot parse the expression as an overlay constraint");
            return null;
        }
    }

    private void constraint(String text, Set<String> bound, int line) {
        if (text == null) {
            return;
        }
        if (text.length() > MAX_EXPRESSION) {
            refuse(line, "a constraint of " + text.length() + " characters is too long for an overlay (at most " + MAX_EXPRESSION + ")");
            return;
        }
        DrlxExpression d;
        try {
            d = DrlxParser.parseExpression(DrlxParser.buildDrlxParserWithArguments(List.of()), text);
        } catch (RuntimeException e) {
            refuse(line, "cannot parse the constraint as an overlay constraint");
            return;
        }
        if (d.getBind() != null) {
            variable(d.getBind().asString(), bound, line);
        }
        bounded(d.getExpr(), line);
        value(d.getExpr(), bound, line, true);
    }

    /**
     * What one expression may make a decision build or do: at most {@link #MAX_PARTS} parts joined
     * by {@code +} in one concatenation and {@link #MAX_CALLS} calls. And the tree checked is the
     * tree that runs: the executable model drops the parentheses around a call's receiver
     * ({@code (a + b).m()} runs as {@code a + b.m()}), so a parenthesised receiver is refused.
     */
    private void bounded(Node root, int line) {
        int[] calls = {0};
        root.walk(n -> {
            if (n instanceof MethodCallExpr || n instanceof NullSafeMethodCallExpr) {
                calls[0]++;
                Expression scope = n instanceof MethodCallExpr m ? m.getScope().orElse(null)
                        : ((NullSafeMethodCallExpr) n).getScope().orElse(null);
                if (scope instanceof EnclosedExpr) {
                    refuse(line, "a parenthesised receiver of a call, as in `(a + b).m()`, is not allowed in overlays: bind the value first");
                }
            }
            if (n instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS
                    && !(b.getParentNode().orElse(null) instanceof BinaryExpr p && p.getOperator() == BinaryExpr.Operator.PLUS)) {
                int parts = parts(b);
                if (parts > MAX_PARTS) {
                    refuse(line, "a concatenation of " + parts + " parts is too large for an overlay (at most " + MAX_PARTS + ")");
                }
            }
        });
        if (calls[0] > MAX_CALLS) {
            refuse(line, "an expression with " + calls[0] + " calls is too costly for an overlay (at most " + MAX_CALLS + ")");
        }
    }

    private static int parts(Expression e) {
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            return parts(b.getLeft()) + parts(b.getRight());
        }
        if (e instanceof EnclosedExpr en) {
            return parts(en.getInner());
        }
        return 1;
    }

    /**
     * An expression in a constraint ({@code inPattern}: bare names are the fact's properties) or a
     * right-hand-side argument (bare names must be bound variables).
     */
    private void value(Node n, Set<String> bound, int line, boolean inPattern) {
        int at = n.getRange().map(r -> line + Math.max(0, r.begin.line - 1)).orElse(line);
        if (n instanceof StringLiteralExpr || n instanceof IntegerLiteralExpr || n instanceof LongLiteralExpr
                || n instanceof DoubleLiteralExpr || n instanceof BooleanLiteralExpr || n instanceof NullLiteralExpr
                || n instanceof CharLiteralExpr || n instanceof BigDecimalLiteralExpr || n instanceof BigIntegerLiteralExpr) {
            return;
        }
        if (n instanceof DrlNameExpr dn && dn.getBackReferencesCount() > 0) {
            refuse(at, "back references (`../`) are not allowed in overlays");
            return;
        }
        if (n instanceof NameExpr ne) {
            String name = ne.getNameAsString();
            if (!bound.contains(name) && !(inPattern && MEMBERS.contains(name))) {
                refuse(at, "`" + OverlayText.safe(name) + "` is not allowed here: use a property of the fact, a bound variable, or a literal");
            }
            return;
        }
        if (n instanceof FieldAccessExpr f) {
            if (isTypeName(f.getScope())) {
                enumConstant(((NameExpr) f.getScope()).getNameAsString(), f.getNameAsString(), at);
            } else if (MEMBERS.contains(f.getNameAsString())) {
                value(f.getScope(), bound, line, inPattern);
            } else if (f.getScope() instanceof NameExpr type && TYPES.containsKey(type.getNameAsString()) && !typeVisible(type.getNameAsString())) {
                // `Answer.YES` without the import reads as a property `YES` of something called `Answer`.
                refuse(at, "`" + type.getNameAsString() + "` is not imported: add `import " + TYPES.get(type.getNameAsString()).getName() + ";`");
            } else {
                refuse(at, "property `" + OverlayText.safe(f.getNameAsString()) + "` is not one of the model's");
            }
            return;
        }
        if (n instanceof NullSafeFieldAccessExpr f) {
            if (!MEMBERS.contains(f.getNameAsString())) {
                refuse(at, "property `" + OverlayText.safe(f.getNameAsString()) + "` is not one of the model's");
            } else {
                value(f.getScope(), bound, line, inPattern);
            }
            return;
        }
        if (n instanceof MethodCallExpr m) {
            call(m.getNameAsString(), m.getScope().orElse(null), m.getArguments(), m.getTypeArguments().isPresent(), bound, line, at, inPattern);
            return;
        }
        if (n instanceof NullSafeMethodCallExpr m) {
            call(m.getNameAsString(), m.getScope().orElse(null), m.getArguments(), m.getTypeArguments().isPresent(), bound, line, at, inPattern);
            return;
        }
        if (n instanceof BinaryExpr b) {
            if (!OPERATORS.contains(b.getOperator())) {
                refuse(at, "operator `" + b.getOperator().asString() + "` is not allowed in overlays");
            }
            value(b.getLeft(), bound, line, inPattern);
            value(b.getRight(), bound, line, inPattern);
            return;
        }
        if (n instanceof HalfBinaryExpr h && inPattern) {
            if (!OPERATORS.contains(BinaryExpr.Operator.valueOf(h.getOperator().name()))) {
                refuse(at, "operator `" + h.getOperator().asString() + "` is not allowed in overlays");
            }
            value(h.getRight(), bound, line, true);
            return;
        }
        if (n instanceof UnaryExpr u) {
            if (u.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT && u.getOperator() != UnaryExpr.Operator.MINUS) {
                refuse(at, "operator `" + u.getOperator().asString() + "` is not allowed in overlays");
            }
            value(u.getExpression(), bound, line, inPattern);
            return;
        }
        if (n instanceof EnclosedExpr e) {
            value(e.getInner(), bound, line, inPattern);
            return;
        }
        if (n instanceof PointFreeExpr p && inPattern) {
            pointFree(p.getOperator().asString(), p.getArg1(), at);
            value(p.getLeft(), bound, line, true);
            p.getRight().forEach(r -> value(r, bound, line, true));
            return;
        }
        if (n instanceof HalfPointFreeExpr p && inPattern) {
            pointFree(p.getOperator().asString(), p.getArg1(), at);
            p.getRight().forEach(r -> value(r, bound, line, true));
            return;
        }
        refuse(at, describe(n) + " is not allowed in overlays");
    }

    private void pointFree(String operator, Expression arg, int at) {
        if (!operator.equals("in") && !operator.equals("contains")) {
            refuse(at, "operator `" + OverlayText.safe(operator) + "` is not allowed in overlays: use `in` or `contains`");
        }
        if (arg != null) {
            refuse(at, "operator arguments are not allowed in overlays");
        }
    }

    private void call(String name, Expression scope, List<Expression> args, boolean typeArgs, Set<String> bound,
                      int line, int at, boolean inPattern) {
        if (!MEMBERS.contains(name) || typeArgs) {
            refuse(at, "method `" + OverlayText.safe(name) + "` is not allowed in overlays: call only the model's and DecisionContext's methods and "
                    + "pure methods of strings, dates and collections");
        }
        if (scope == null) {
            if (!inPattern) {
                refuse(at, "a call without a receiver is not allowed here");
            }
        } else if (!isTypeName(scope)) {
            value(scope, bound, line, inPattern);
        }
        for (Expression a : args) {
            if ((name.startsWith("plus") || name.startsWith("minus")) && a instanceof LiteralStringValueExpr lit) {
                try {
                    if (Math.abs(Long.parseLong(lit.getValue().replace("_", "").replaceAll("[lL]$", ""))) > MAX_DATE_STEP) {
                        refuse(at, "`" + name + "(" + lit.getValue() + ")` is out of range: an overlay moves a date by at most "
                                + MAX_DATE_STEP + " units");
                    }
                } catch (NumberFormatException e) {
                    refuse(at, "`" + name + "` takes a whole number here");
                }
            }
            value(a, bound, line, inPattern);
        }
    }

    /** The most a literal may move a date (days, weeks, months or years): beyond it a date overflows. */
    static final long MAX_DATE_STEP = 10_000;

    private boolean isTypeName(Expression e) {
        return e instanceof NameExpr n && TYPES.containsKey(n.getNameAsString()) && typeVisible(n.getNameAsString());
    }

    private void enumConstant(String type, String constant, int at) {
        Class<?> c = TYPES.get(type);
        boolean ok = c.isEnum() && java.util.Arrays.stream(c.getEnumConstants()).anyMatch(k -> ((Enum<?>) k).name().equals(constant));
        if (!ok) {
            refuse(at, "`" + type + "." + OverlayText.safe(constant) + "` is not a constant of " + type);
        }
    }

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
        if (text.length() > MAX_EXPRESSION) {
            refuse(line, "a right-hand side of " + text.length() + " characters is too long for an overlay (at most " + MAX_EXPRESSION + ")");
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
                bounded(arg, at);
                value(arg, bound, at, false);
            }
        }
    }

    private boolean resultsVisible() {
        return imported.contains("org.smpolicy.drl") || imported.contains(Results.class.getName());
    }

    private static String describe(Object n) {
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

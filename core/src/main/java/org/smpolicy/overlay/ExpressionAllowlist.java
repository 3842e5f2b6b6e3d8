package org.smpolicy.overlay;

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
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
import org.smpolicy.drl.DecisionContext;
import org.smpolicy.drl.Parameters;
import org.smpolicy.model.*;

/**
 * The allowlist for the Java expressions inside an overlay's DRL: constraints, {@code from}
 * sources and the arguments of {@code Results} calls, parsed with Drools' DRLX/Java parser and held
 * node by node to the kinds listed here, with what one expression may cost (parts, calls, length).
 * {@link OverlayAllowlist} holds the DRL structure around them.
 */
final class ExpressionAllowlist {

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

    /** Longest constraint or right-hand side, in characters: bounds parser depth and string building. */
    static final int MAX_EXPRESSION = 2_000;

    /** Most parts one string concatenation may join: what an overlay builds stays small. */
    static final int MAX_PARTS = 16;

    /** Most method calls in one constraint or argument. */
    static final int MAX_CALLS = 8;

    // Bindings start with `$`: a binding may never shadow a type name such as `String`.
    private static final Pattern VARIABLE = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");

    static final Map<String, Class<?>> TYPES = new HashMap<>();

    static final Set<String> MEMBERS = new HashSet<>();

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
                "valueOf",
                // The model's builders are for hosts: an overlay builds nothing.
                "builder"));
    }

    boolean typeVisible(String simple) {
        Class<?> c = TYPES.get(simple);
        return imported.contains(c.getPackageName()) || imported.contains(c.getName());
    }

    void variable(String name, Set<String> bound, int line) {
        if (name == null || !VARIABLE.matcher(name).matches() || name.equals("kcontext") || name.equals("drools")) {
            refuse(line, "binding `" + OverlayText.safe(name) + "` is not allowed: use a name such as `$img`");
        } else {
            bound.add(name);
        }
    }

    void propertyPath(String text, Set<String> bound, int line) {
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

    void constraint(String text, Set<String> bound, int line) {
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
    void bounded(Node root, int line) {
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
    void value(Node n, Set<String> bound, int line, boolean inPattern) {
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
        refuse(at, OverlayAllowlist.describe(n) + " is not allowed in overlays");
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

    static final long MAX_DATE_STEP = 10_000;

    boolean isTypeName(Expression e) {
        return e instanceof NameExpr n && TYPES.containsKey(n.getNameAsString()) && typeVisible(n.getNameAsString());
    }

    private void enumConstant(String type, String constant, int at) {
        Class<?> c = TYPES.get(type);
        boolean ok = c.isEnum() && java.util.Arrays.stream(c.getEnumConstants()).anyMatch(k -> ((Enum<?>) k).name().equals(constant));
        if (!ok) {
            refuse(at, "`" + type + "." + OverlayText.safe(constant) + "` is not a constant of " + type);
        }
    }

    /** Where a refused construct is reported. */
    interface Refusal {
        void refuse(int line, String message);
    }

    private final Refusal refusal;
    private final Set<String> imported;

    /**
     * @param refusal  receives each refused construct with its line
     * @param imported the overlay's imports (packages and types), as the structure check reads them
     */
    ExpressionAllowlist(Refusal refusal, Set<String> imported) {
        this.refusal = refusal;
        this.imported = imported;
    }

    private void refuse(int line, String message) {
        refusal.refuse(line, message);
    }
}

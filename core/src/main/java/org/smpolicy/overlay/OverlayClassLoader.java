package org.smpolicy.overlay;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * The class loader overlays are compiled and linked in: it sees only the classes an overlay's
 * generated code needs (Drools' pattern DSL, the model and the DRL-author package, the few Kie API
 * types the generated project model names, and a short list of JDK value types) and refuses the
 * rest, Drools' engine and compilers included, so that code which slipped past the allowlist still
 * cannot reach {@code Runtime}, {@code ProcessHandle}, reflection, class loaders, files or the
 * network. Refused classes are invisible both to the Java compiler (it reads classes as
 * resources) and to the JVM when it links the compiled rules.
 */
final class OverlayClassLoader extends ClassLoader {

    /**
     * Package prefixes the generated code of an executable-model rule refers to: the model, the
     * DRL-author package, Drools' pattern DSL and its accumulate functions, and the package the
     * generated project model is written in (its classes are the overlay's own, defined below this
     * loader).
     */
    static final List<String> PACKAGES = List.of("org.smpolicy.model.", "org.smpolicy.drl.", "org.drools.model.",
            "org.drools.modelcompiler.dsl.", "org.drools.modelcompiler.util.", "org.drools.core.base.accumulators.",
            "org.drools.project.model.", "java.time.", "java.util.function.");

    /**
     * The classes of Kie's API the generated project model and consequences name, one by one
     * (issue 22, row 15): the rest of {@code org.kie.api} (containers, sessions, builders) stays
     * hidden, so code that slipped past the allowlist cannot even name the type a second rule base
     * would be built with.
     */
    static final Set<String> KIE_CLASSES = Set.of("org.kie.api.KieServices", "org.kie.api.internal.utils.KieService",
            "org.kie.api.builder.ReleaseId", "org.kie.api.builder.model.KieBaseModel", "org.kie.api.builder.model.KieModuleModel",
            "org.kie.api.builder.model.KieSessionModel", "org.kie.api.builder.model.KieSessionModel$KieSessionType",
            "org.kie.api.conf.EventProcessingOption", "org.kie.api.conf.KieBaseMutabilityOption", "org.kie.api.conf.Option",
            "org.kie.api.conf.SingleValueOption", "org.kie.api.runtime.KieContext", "org.kie.api.runtime.conf.ClockTypeOption",
            "org.kie.api.runtime.conf.KieSessionOption", "org.kie.api.runtime.conf.SingleValueKieSessionOption",
            "org.kie.api.runtime.rule.RuleContext", "org.kie.util.maven.support.ReleaseIdImpl",
            "org.drools.modelcompiler.CanonicalKieModuleModel");

    /**
     * What generated code never links to and an overlay must never reach: the rule compilers
     * (with them an overlay could build a second rule base in an unrestricted loader). The one
     * class of theirs the generated code names, an annotation, stays visible.
     */
    static final List<String> NEVER = List.of("org.drools.model.codegen.", "org.drools.compiler.", "org.drools.mvel.");
    static final Set<String> COMPILER_ANNOTATIONS = Set.of("org.drools.compiler.kie.builder.MaterializedLambda");

    /** Drools utilities the generated code names; the rest of {@code org.drools.util} stays hidden. */
    static final Set<String> DROOLS_CLASSES = Set.of("org.drools.util.DateUtils");

    /**
     * JDK types the compiler must read to type-check the generated code (supertypes of enums and
     * records, annotations), which that code never links to.
     */
    static final List<String> COMPILE_ONLY = List.of("java.lang.constant.", "java.lang.invoke.MethodHandles", "java.lang.annotation.", "java.io.Externalizable");

    /** JDK classes the generated code and the allowed methods need, and nothing that acts on the world. */
    static final Set<String> JDK_CLASSES = Set.of("java.lang.Object", "java.lang.String", "java.lang.Boolean", "java.lang.Integer",
            "java.lang.Long", "java.lang.Double", "java.lang.Float", "java.lang.Short", "java.lang.Byte", "java.lang.Character",
            "java.lang.Number", "java.lang.Enum", "java.lang.Record", "java.lang.Comparable", "java.lang.CharSequence",
            "java.lang.Iterable", "java.lang.StringBuilder", "java.lang.AbstractStringBuilder", "java.lang.Math",
            "java.lang.Void", "java.lang.Class", "java.lang.Throwable", "java.lang.Exception", "java.lang.RuntimeException",
            "java.lang.Error", "java.lang.AutoCloseable", "java.lang.Cloneable", "java.lang.Override", "java.lang.Deprecated",
            "java.lang.SuppressWarnings", "java.lang.IllegalArgumentException", "java.lang.IllegalStateException", "java.lang.FunctionalInterface", "java.lang.SafeVarargs", "java.lang.Enum$EnumDesc",
            "java.lang.invoke.LambdaMetafactory", "java.lang.invoke.StringConcatFactory", "java.lang.invoke.MethodHandles$Lookup",
            "java.lang.invoke.SerializedLambda", "java.io.Serializable",
            "java.util.List", "java.util.Set", "java.util.Map", "java.util.Collection", "java.util.Objects", "java.util.Optional",
            "java.util.Arrays", "java.util.Collections", "java.util.Iterator", "java.util.Comparator", "java.util.Locale",
            "java.math.BigDecimal", "java.math.BigInteger");

    OverlayClassLoader(ClassLoader parent) {
        super("smpolicy-overlay", parent);
    }

    static boolean allowed(String className) {
        if (NEVER.stream().anyMatch(className::startsWith)) {
            return COMPILER_ANNOTATIONS.contains(className);
        }
        if (className.startsWith("java.lang.invoke.") || className.startsWith("java.lang.reflect.")) {
            return JDK_CLASSES.contains(className);
        }
        return JDK_CLASSES.contains(className) || DROOLS_CLASSES.contains(className) || KIE_CLASSES.contains(className)
                || PACKAGES.stream().anyMatch(className::startsWith);
    }

    private static boolean allowedResource(String name) {
        if (!name.endsWith(".class")) {
            // Drools reads its own configuration files; no overlay code can ask for resources.
            return name.startsWith("META-INF/") || name.startsWith("org/drools/") || name.startsWith("org/kie/");
        }
        String cls = name.substring(0, name.length() - ".class".length()).replace('/', '.');
        return allowed(cls) || COMPILE_ONLY.stream().anyMatch(cls::startsWith) || cls.endsWith("package-info");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!allowed(name)) {
            throw new ClassNotFoundException(name + " is not available to overlays");
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return allowedResource(name) ? super.getResource(name) : null;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return allowedResource(name) ? super.getResources(name) : Collections.emptyEnumeration();
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        return allowedResource(name) ? super.getResourceAsStream(name) : null;
    }
}

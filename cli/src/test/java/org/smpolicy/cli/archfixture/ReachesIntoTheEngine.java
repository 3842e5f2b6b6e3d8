package org.smpolicy.cli.archfixture;

/** Breaks the layering on purpose: a command-line class that compiles overlays itself. Never run. */
public final class ReachesIntoTheEngine {
    Object annotation(org.drools.drl.ast.descr.AnnotationDescr a) {
        return org.smpolicy.overlay.Overlays.annotationValue(a);
    }
}

package org.smpolicy.cli.archfixture;

/** Breaks the layering on purpose: a command-line class that touches a KIE type. Never run. */
public final class TouchesDrools {
    Object services() {
        return org.kie.api.KieServices.get();
    }
}

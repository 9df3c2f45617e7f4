package dev.undertone.app.cli;

import dev.undertone.core.sentiment.fast.FastModels;
import picocli.CommandLine.IVersionProvider;

/** Prints the application version (from the jar manifest) and the default model id. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {
            "undertone " + (v == null ? "dev" : v), "default model: " + FastModels.BUILT_IN_ID
        };
    }
}

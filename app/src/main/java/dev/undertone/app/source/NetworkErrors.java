package dev.undertone.app.source;

import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/** Short, readable descriptions of network failures for one-line log messages. */
public final class NetworkErrors {

    private NetworkErrors() {}

    /**
     * What went wrong, e.g. {@code cannot resolve the host name (DNS)} or {@code ConnectException:
     * Connection refused}, with the root cause when it adds something.
     */
    public static String describe(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "cannot resolve the host name (DNS)";
            }
            root = t;
        }
        String text =
                e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (root != e) {
            String rootText =
                    root.getClass().getSimpleName()
                            + (root.getMessage() == null ? "" : ": " + root.getMessage());
            if (!text.contains(rootText)) {
                text += " (" + rootText + ")";
            }
        }
        return text;
    }
}

package org.threadline.store;

/** The store module's one exception root: a database that cannot start, migrate or take a write. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The cause is kept without the values a driver quotes in its message (see {@link #withoutValues}). */
    public StoreException(String message, Throwable cause) {
        super(message, withoutValues(cause));
    }

    /** A driver's exception as it may be logged: its kind, state and stack, its message without quoted values. */
    public static Throwable withoutValues(Throwable cause) {
        if (!(cause instanceof java.sql.SQLException sql)) {
            return cause;
        }
        java.sql.SQLException clean = new java.sql.SQLException(
                sql.getMessage() == null ? null : withoutValues(sql.getMessage()), sql.getSQLState(),
                sql.getErrorCode(), sql.getCause() == sql ? null : withoutValues(sql.getCause()));
        clean.setStackTrace(sql.getStackTrace());
        if (sql.getNextException() != null && sql.getNextException() != sql) {
            clean.setNextException((java.sql.SQLException) withoutValues(sql.getNextException()));
        }
        return clean;
    }

    /**
     * A failure in words for the person running the command: the messages along the exception's chain (a batch's
     * own message is often only "batch entry 0 was aborted", and a broken connection's can be empty; the reason,
     * such as a full disk, is further down), or at least the exception's kind.
     */
    public static String reason(Throwable e) {
        StringBuilder out = new StringBuilder();
        Throwable t = e;
        for (int depth = 0; t != null && depth < 6; depth++) {
            String m = t.getMessage() == null ? null : withoutValues(t.getMessage());
            if (m != null && !m.isBlank() && out.indexOf(m.strip()) < 0) {
                out.append(out.length() == 0 ? "" : "; ").append(m.strip());
            }
            Throwable next = t instanceof java.sql.SQLException s && s.getNextException() != null
                    ? s.getNextException() : t.getCause();
            t = next == t ? null : next;
        }
        return out.length() == 0 ? e.getClass().getSimpleName() : out.toString();
    }

    private static final java.util.regex.Pattern BATCH_ENTRY =
            java.util.regex.Pattern.compile("(?s)(Batch entry \\d+) .*? (was aborted)");
    private static final java.util.regex.Pattern DETAIL = java.util.regex.Pattern.compile("\\s*Detail: [^\\n]*");

    /**
     * A driver's message without the values it quotes: the JDBC driver writes a failed batch entry's statement with
     * every parameter (a person's records, an indicator's evidence) into its message, and the server's "Detail" line
     * names a key's values. These messages reach the terminal and the logs, where personal data must not go.
     */
    static String withoutValues(String message) {
        return DETAIL.matcher(BATCH_ENTRY.matcher(message).replaceAll("$1 $2")).replaceAll("");
    }
}

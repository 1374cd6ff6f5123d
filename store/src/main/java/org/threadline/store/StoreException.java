package org.threadline.store;

/** The store module's one exception root: a database that cannot start, migrate or take a write. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
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
            String m = t.getMessage();
            if (m != null && !m.isBlank() && out.indexOf(m.strip()) < 0) {
                out.append(out.length() == 0 ? "" : "; ").append(m.strip());
            }
            Throwable next = t instanceof java.sql.SQLException s && s.getNextException() != null
                    ? s.getNextException() : t.getCause();
            t = next == t ? null : next;
        }
        return out.length() == 0 ? e.getClass().getSimpleName() : out.toString();
    }
}

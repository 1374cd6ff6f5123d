package org.threadline.domain.indicators;

/** The one exception root of the indicators feature. */
public class IndicatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IndicatorException(String message) {
        super(message);
    }

    public IndicatorException(String message, Throwable cause) {
        super(message, cause);
    }
}

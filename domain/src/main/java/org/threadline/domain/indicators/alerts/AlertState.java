package org.threadline.domain.indicators.alerts;

/** The lifecycle of an alert, in order. */
public enum AlertState {
    RAISED, ACKNOWLEDGED, DECISION_RECORDED, CLOSED
}

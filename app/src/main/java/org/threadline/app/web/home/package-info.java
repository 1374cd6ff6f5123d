/**
 * The home page: once a purpose is declared, the journeys this person may use for it. Each journey is a
 * {@link org.threadline.app.web.home.Journey} bean registered by the feature that builds it, so a journey appears
 * here only when it exists.
 */
package org.threadline.app.web.home;

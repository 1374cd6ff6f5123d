/**
 * Where Threadline keeps its state: one folder, {@code THREADLINE_HOME}, holding the embedded database, landed
 * files, logs and reports, so that several instances and test runs never share anything by accident.
 */
package org.threadline.app.home;

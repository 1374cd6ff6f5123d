/**
 * Runs the {@code linkage} model inside Apache Spark partitions for national scale. Empty until the linkage issue brings the engine; the module exists so the dependency boundary (Spark never reaches the app's classpath) is fixed from the start.
 */
package org.threadline.linkage.spark;

/**
 * Record linkage: Fellegi-Sunter models as versioned data, comparisons, blocking, EM training, scoring, clustering and explanation. Pure Java: no framework may enter this module (the pom's enforcer rule and the ArchUnit test in {@code app} both say so).
 */
package org.threadline.linkage;

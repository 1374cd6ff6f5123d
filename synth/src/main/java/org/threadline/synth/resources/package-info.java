/** Loading the reference tables (names, places) that ship inside the generator. */
package org.threadline.synth.resources;

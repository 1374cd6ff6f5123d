package org.threadline.domain.names;

/** The sex a forename is usually given to, as recorded in a name table: a hint for generators, never a rule. */
public enum NameSex {
    /** Usually given to boys. */
    M,
    /** Usually given to girls. */
    F,
    /** Given to both (for example many Punjabi names ending -preet, -jit or -inder). */
    U
}

package org.threadline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StoreExceptionTest {
    @Test
    void the_reason_of_a_failed_batch_reaches_the_database_message_beneath_it() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", new int[0]);
        batch.setNextException(new SQLException("could not extend file: No space left on device"));
        assertThat(StoreException.reason(batch))
                .isEqualTo("Batch entry 0 was aborted; could not extend file: No space left on device");
    }

    @Test
    void a_failure_without_words_is_named_by_its_kind_or_its_cause() {
        assertThat(StoreException.reason(new SQLException())).isEqualTo("SQLException");
        assertThat(StoreException.reason(new SQLException("", new java.io.IOException("Broken pipe"))))
                .isEqualTo("Broken pipe");
    }

    @Test
    void a_message_repeated_down_the_chain_is_given_once() {
        SQLException inner = new SQLException("connection refused");
        assertThat(StoreException.reason(new SQLException("connection refused", inner)))
                .isEqualTo("connection refused");
    }
}

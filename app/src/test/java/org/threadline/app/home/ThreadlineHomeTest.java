package org.threadline.app.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadlineHomeTest {
    @TempDir
    Path dir;

    @Test
    void the_variable_names_the_folder_and_every_kind_of_state_lives_under_it() throws Exception {
        ThreadlineHome home = ThreadlineHome.fromEnvironment(Map.of("THREADLINE_HOME", dir.toString())).create();
        for (Path p : new Path[] {home.database(), home.landed(), home.logs(), home.reports(), home.demo()}) {
            assertThat(p.startsWith(dir)).as(p.toString()).isTrue();
        }
        assertThat(home.logs()).isDirectory();
    }

    @Test
    void without_the_variable_it_is_threadline_data_in_the_working_folder() {
        assertThat(ThreadlineHome.fromEnvironment(Map.of()).root())
                .isEqualTo(Path.of("threadline-data").toAbsolutePath().normalize());
    }
}

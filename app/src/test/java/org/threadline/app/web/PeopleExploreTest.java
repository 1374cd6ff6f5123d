package org.threadline.app.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.accounts.AccountStore;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.store.people.PeopleStore;

class PeopleExploreTest {
    @TempDir
    static Path folder;

    @Test
    void explore() throws Exception {
        try (TestApp app = BuiltPopulation.start(folder, 150, 3)) {
            app.account("police.one", Agency.POLICE, Role.SAFEGUARDING_OFFICER, "password-police-1");
            app.account("school.one", Agency.SCHOOLS, Role.DESIGNATED_SAFEGUARDING_LEAD, "password-school-1");
            PeopleStore store = new PeopleStore(app.database.dataSource());
            String child = store.sampleChild().orElseThrow();
            Path out = Path.of("/tmp/wtweb");
            Files.createDirectories(out);
            for (String[] who : new String[][] {{"police.one", "password-police-1"}, {"school.one", "password-school-1"}}) {
                WebClient c = new WebClient(app);
                c.signInWithPurpose(who[0], who[1], "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-1");
                Files.writeString(out.resolve(who[0] + "-person.html"), c.get("/people/" + child).body());
                Files.writeString(out.resolve(who[0] + "-family.html"), c.get("/people/" + child + "/family").body());
                Files.writeString(out.resolve(who[0] + "-review.html"), c.get("/review").body());
                var r = store.recordsOf(child).get(0).identity();
                Files.writeString(out.resolve(who[0] + "-find.html"), c.post("/people/find",
                        java.util.Map.of("name", r.get("forename") + " " + r.get("surname"), "dateOfBirth", "",
                                "postcode", "", "identifier", "")).body());
            }
            System.out.println("CHILD " + child + " review " + store.reviewQueue().size());
        }
    }
}

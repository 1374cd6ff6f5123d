package org.threadline.app.web.upload;

import org.springframework.stereotype.Component;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.home.Journey;
import org.threadline.app.web.purpose.DeclaredPurpose;

/** The upload page on the home page: for a partner's data owner checking their agency's feed. */
@Component
public class UploadJourney implements Journey {
    public String path() {
        return "/upload";
    }

    public String title() {
        return "Upload a file";
    }

    public String description() {
        return "Load a spreadsheet or CSV against one of your agency's feeds, see its data-quality scorecard and"
                + " download the rejected rows with their reasons.";
    }

    public boolean availableTo(Account account, DeclaredPurpose purpose) {
        return account.roles().contains(PartnerUploads.UPLOADER);
    }

    public int order() {
        return 40;
    }
}

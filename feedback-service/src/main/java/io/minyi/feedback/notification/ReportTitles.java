package io.minyi.feedback.notification;

import java.util.Optional;

/** A report's current title, as far as feedback knows it (from the report's own events). */
public interface ReportTitles {

    Optional<String> title(String reportId);
}

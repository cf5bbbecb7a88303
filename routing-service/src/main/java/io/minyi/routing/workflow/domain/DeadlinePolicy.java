package io.minyi.routing.workflow.domain;

import io.minyi.routing.calendar.domain.WorkingCalendar;

import java.time.LocalDate;

/**
 * How long a department has to answer, in working days, by the urgency of the report: 特急, 紧急,
 * 一般. The office may set another deadline when it assigns.
 */
public record DeadlinePolicy(int veryUrgentDays, int urgentDays, int normalDays) {

    public LocalDate due(LocalDate assignedOn, String urgency, WorkingCalendar calendar) {
        int days = "very-urgent".equals(urgency) ? veryUrgentDays : "urgent".equals(urgency) ? urgentDays : normalDays;
        return calendar.plusWorkingDays(assignedOn, days);
    }
}

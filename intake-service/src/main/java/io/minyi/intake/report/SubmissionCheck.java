package io.minyi.intake.report;

import io.minyi.intake.report.web.SubmitReportRequest;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Checks a submission that did not arrive as a validated request body (a draft being submitted, an
 * Open311 form) against the same rules as {@code POST /api/reports}.
 */
@Component
public class SubmissionCheck {

    private final SpringValidatorAdapter validator;

    SubmissionCheck(Validator validator) {
        this.validator = new SpringValidatorAdapter(validator);
    }

    public void validate(SubmitReportRequest submission) throws BindException {
        var errors = new BeanPropertyBindingResult(submission, "report");
        validator.validate(submission, errors, Default.class, SubmitReportRequest.Complete.class);
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
    }
}

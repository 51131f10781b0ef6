package dev.sessionledger.sessions.realtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.errors.FieldError;
import dev.sessionledger.commons.errors.JsonFieldPaths;

/**
 * Runs a request record's Bean Validation constraints where no resource parameter carries
 * {@code @Valid}: a body that may be absent, and the items of a batch, named by their element path
 * ({@code messages[3].payload_type}). Fields are named as the caller wrote them, by their JSON names.
 */
@ApplicationScoped
public class RequestChecks {

    @Inject
    Validator validator;

    @Inject
    ObjectMapper json;

    /** A 400 naming every field of {@code body} at fault, if any. */
    public void check(Object body) {
        List<FieldError> errors = problems("", body);
        if (!errors.isEmpty()) {
            throw Failure.invalid(errors);
        }
    }

    /** The problems of each item of a batch; a missing item "must be an object". */
    public List<FieldError> problemsOfEach(String field, List<?> items) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = field + "[" + i + "]";
            if (items.get(i) == null) {
                errors.add(new FieldError(at, "must be an object"));
            } else {
                errors.addAll(problems(at + ".", items.get(i)));
            }
        }
        return errors;
    }

    private List<FieldError> problems(String prefix, Object bean) {
        Set<ConstraintViolation<Object>> violations = validator.validate(bean);
        return violations.stream().map(v -> new FieldError(prefix + JsonFieldPaths.of(v, json), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field)).toList();
    }
}

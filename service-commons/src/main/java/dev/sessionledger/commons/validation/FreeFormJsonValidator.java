package dev.sessionledger.commons.validation;

import java.util.Map;
import java.util.Optional;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link FreeFormJson} with {@link FreeFormBounds}, naming the bound that was passed. */
public class FreeFormJsonValidator implements ConstraintValidator<FreeFormJson, Map<String, ?>> {

    private int maxKeys;
    private int maxText;

    @Override
    public void initialize(FreeFormJson annotation) {
        maxKeys = annotation.maxKeys();
        maxText = annotation.maxText();
    }

    @Override
    public boolean isValid(Map<String, ?> value, ConstraintValidatorContext context) {
        Optional<String> problem = FreeFormBounds.problem(value, maxKeys, maxText);
        if (problem.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem.get().replace("{", "\\{")).addConstraintViolation();
        return false;
    }
}

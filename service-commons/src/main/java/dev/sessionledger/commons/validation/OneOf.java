package dev.sessionledger.commons.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A text field holding one of a fixed set of values, compared exactly; null is valid (absent). */
@Documented
@Constraint(validatedBy = OneOf.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

    String[] value();

    /** The default message lists the values: "must be one of a, b, c". */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks membership, and says the values when the annotation sets no message of its own. */
    class Validator implements ConstraintValidator<OneOf, String> {

        private List<String> allowed;
        private boolean ownMessage;

        @Override
        public void initialize(OneOf annotation) {
            allowed = List.of(annotation.value());
            ownMessage = !annotation.message().isEmpty();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || allowed.contains(value)) {
                return true;
            }
            if (!ownMessage) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must be one of " + String.join(", ", allowed))
                        .addConstraintViolation();
            }
            return false;
        }
    }
}

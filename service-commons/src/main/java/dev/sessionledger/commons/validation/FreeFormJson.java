package dev.sessionledger.commons.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A free-form JSON object a client stores with a record (metadata, a peer's report): bounded in
 * keys at its top, in text over every key and string, in how deep it nests and in how many values
 * it holds, so that no record grows without limit. The defaults are the bounds of metadata.
 */
@Documented
@Constraint(validatedBy = FreeFormJsonValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeFormJson {

    int maxKeys() default FreeFormBounds.METADATA_KEYS;

    int maxText() default FreeFormBounds.METADATA_TEXT;

    String message() default "is larger than allowed";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

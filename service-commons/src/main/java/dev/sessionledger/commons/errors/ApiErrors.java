package dev.sessionledger.commons.errors;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the error envelope of the API a resource class implements: every failure of its
 * endpoints is answered in it, whatever the path looks like.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApiErrors {

    /** The envelope: a CDI bean implementing {@link ErrorEnvelope}. */
    Class<? extends ErrorEnvelope> value();
}

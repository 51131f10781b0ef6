package dev.sessionledger.threads;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

import dev.sessionledger.commons.testing.StatementRecorder;

/** The one statement inspector of this service's tests: the SQL Hibernate sends while a test records. */
@PersistenceUnitExtension
@ApplicationScoped
public class RecordedStatements extends StatementRecorder {
}

package dev.sessionledger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    @Test
    void records_on_the_first_start_of_a_build_then_uses_the_archive_and_records_afresh_for_a_new_build(@TempDir Path app)
            throws Exception {
        Path runner = Files.createFile(app.resolve("quarkus-run.jar"));
        Files.setLastModifiedTime(runner, FileTime.fromMillis(1_000));
        Path first = app.resolve("local-stack-cds/1000.jsa");

        assertTrue(ClassDataArchive.of(runner).recording());
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + first, "-Xlog:cds*=off"), ClassDataArchive.of(runner).jvmOptions());
        Files.writeString(first, "written by the JVM as it exits");
        assertFalse(ClassDataArchive.of(runner).recording());
        assertEquals(List.of("-XX:SharedArchiveFile=" + first, "-Xlog:cds*=off"), ClassDataArchive.of(runner).jvmOptions());

        Files.setLastModifiedTime(runner, FileTime.fromMillis(2_000));
        Path second = app.resolve("local-stack-cds/2000.jsa");
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + second, "-Xlog:cds*=off"), ClassDataArchive.of(runner).jvmOptions());
        assertFalse(Files.exists(first), "the archive of an earlier build is removed");
        assertTrue(Files.isDirectory(second.getParent()));
    }
}

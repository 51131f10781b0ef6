package dev.sessionledger.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A service's class-data archive (AppCDS): the classes its JVM loaded during a whole start, kept
 * beside its build so that later starts map them instead of loading, verifying and parsing each
 * again (the images do not copy it). The first start of a build records them and its JVM writes the archive as it exits; the
 * archive is named by the build, so a new build records afresh. The JVM checks an archive against
 * the class path and runs without one it cannot use, so a stale or damaged archive only costs
 * the time it would have saved.
 */
final class ClassDataArchive {

    private static final String SUFFIX = ".jsa";
    /** The JVM lists every class it leaves out of an archive; the service's log is not the place. */
    private static final String QUIET = "-Xlog:cds*=off";

    private final Path directory;
    private final Path archive;

    private ClassDataArchive(Path directory, Path archive) {
        this.directory = directory;
        this.archive = archive;
    }

    /** The archive of the build whose runner is {@code runnerJar} ({@code target/quarkus-app/quarkus-run.jar}). */
    static ClassDataArchive of(Path runnerJar) throws IOException {
        Path directory = runnerJar.toAbsolutePath().getParent().resolve("local-stack-cds");
        long build = Files.getLastModifiedTime(runnerJar).toMillis();
        return new ClassDataArchive(directory, directory.resolve(build + SUFFIX));
    }

    /** The JVM options of the next start: use the archive, or record it when there is none yet. */
    List<String> jvmOptions() throws IOException {
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, QUIET);
        }
        Files.createDirectories(directory);
        deleteOtherBuilds();
        return List.of("-XX:ArchiveClassesAtExit=" + archive, QUIET);
    }

    /** Whether the next start records the archive, so that its JVM needs time to write it as it exits. */
    boolean recording() {
        return !Files.isRegularFile(archive);
    }

    private void deleteOtherBuilds() throws IOException {
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path other : archives) {
                if (!other.equals(archive)) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }
}

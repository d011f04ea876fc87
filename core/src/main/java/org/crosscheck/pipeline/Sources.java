package org.crosscheck.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.crosscheck.ingest.FileInput;
import org.crosscheck.ingest.Input;
import org.crosscheck.ingest.Rejection;
import org.crosscheck.ingest.StdinInput;
import org.crosscheck.model.Provenance;

/**
 * Turns what the user names ({@code ingest PATH|URL|-}) into inputs: a file, the files of a
 * directory tree, a URL to fetch when its turn comes, or standard input. What cannot be read is
 * rejected with its name and reason, alone. Stateless.
 */
final class Sources {
  private Sources() {}

  /** A source that names a scheme ({@code http:}, {@code HTTPS:}, {@code file:}, {@code ftp:}): a URL, never a path. */
  private static final Pattern URL_LIKE = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://.*");

  /**
   * @param source a path, an http(s) URL (any scheme in any case is a URL), or {@code -}
   * @param stdin what {@code -} reads
   * @param reject hears each source, file or folder that cannot be read, and why
   * @return the inputs, files of a directory in name order
   */
  static List<Input> resolve(String source, InputStream stdin, Consumer<Rejection> reject) {
    if (source.equals("-")) {
      return List.of(new StdinInput(stdin));
    }
    if (URL_LIKE.matcher(source.strip()).matches()) {
      return List.of(new UrlInput(source.strip())); // the fetcher's URL policy accepts or refuses it
    }
    Path path = Path.of(source);
    if (!Files.exists(path)) {
      reject.accept(new Rejection(source, null, Files.isSymbolicLink(path) ? "a symbolic link to nothing"
          : "no such file or directory"));
      return List.of();
    }
    if (!Files.isDirectory(path)) {
      if (!Files.isRegularFile(path)) {
        reject.accept(new Rejection(source, null, NOT_A_FILE));
        return List.of();
      }
      return List.of(new FileInput(path));
    }
    return walk(source, path, reject);
  }

  private static final String NOT_A_FILE =
      "not a regular file (a named pipe, device or socket); only files and directories are read";

  /**
   * Lists the regular files under a directory, sorted, skipping hidden ones. A subdirectory that
   * cannot be read, a special file, and a symbolic link that leads out of the directory are each
   * rejected on their own; the rest of the directory is read. Links inside the directory are
   * read; links to directories are not followed (so nothing is read twice and no loop is possible).
   */
  private static List<Input> walk(String source, Path root, Consumer<Rejection> reject) {
    List<Path> files = new ArrayList<>();
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      reject.accept(new Rejection(source, null, "cannot read the directory: " + describe(e)));
      return List.of();
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir,
            BasicFileAttributes attrs) {
          return !dir.equals(root) && isHidden(root, dir) ? FileVisitResult.SKIP_SUBTREE
              : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (isHidden(root, file)) {
            return FileVisitResult.CONTINUE;
          }
          if (attrs.isSymbolicLink()) {
            link(file);
          } else if (attrs.isRegularFile()) {
            files.add(file);
          } else {
            reject.accept(new Rejection(file.toString(), null, NOT_A_FILE));
          }
          return FileVisitResult.CONTINUE;
        }

        private void link(Path file) {
          Path target;
          try {
            target = file.toRealPath();
          } catch (IOException e) {
            reject.accept(new Rejection(file.toString(), null, "a symbolic link to nothing"));
            return;
          }
          if (!target.startsWith(realRoot)) {
            reject.accept(new Rejection(file.toString(), null, "a symbolic link out of " + source + " (to " + target
                + "); not followed"));
          } else if (Files.isDirectory(target)) {
            reject.accept(new Rejection(file.toString(), null, "a symbolic link to a directory; not followed"));
          } else if (Files.isRegularFile(target)) {
            files.add(file);
          } else {
            reject.accept(new Rejection(file.toString(), null, NOT_A_FILE));
          }
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          if (!isHidden(root, file)) {
            reject.accept(new Rejection(file.toString(), null, "cannot read: " + describe(e)));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | UncheckedIOException e) {
      reject.accept(new Rejection(source, null, "cannot list the directory: " + e.getMessage()));
    }
    files.sort(null);
    return files.stream().<Input>map(FileInput::new).toList();
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileSystemException fe && fe.getReason() != null) {
      return fe.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  private static boolean isHidden(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** A URL to fetch when its turn comes. */
  record UrlInput(String url) implements Input {
    @Override
    public String name() {
      return url;
    }

    @Override
    public Provenance.Kind kind() {
      return Provenance.Kind.URL;
    }

    @Override
    public InputStream open() {
      throw new IllegalStateException("fetch " + url + " first");
    }
  }
}

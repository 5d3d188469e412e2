//! Files planlint writes besides its standard output (`report -o`, `check --annotate`): never
//! one of its inputs, and never half-written.

use std::path::Path;

/// Whether two paths name the same existing file (through links, `..` or another spelling).
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Whether two paths name one file: spelled alike (a file that is not there yet too), or the
/// same existing file ([`same_file`]).
pub fn is_same_path(a: &Path, b: &Path) -> bool {
    a == b || same_file(a, b)
}

/// Writes `bytes` to a temporary file beside the target and renames it over the target, so a
/// reader (or a crash) never sees a partial file.
///
/// - A symbolic link is written through: the file it points to is replaced, the link kept.
/// - Only a regular file is replaced: a pipe, a device or a directory is refused (renaming over
///   it would turn `/dev/full` or a FIFO into a plain file).
/// - A replaced file keeps its mode; a new one gets the mode any program's new file gets
///   (0666 less the umask).
/// - The temporary file gets an unpredictable name and is created exclusively, never through a
///   link planted at its name (`tempfile`), and is removed if anything fails, SIGINT and
///   SIGTERM included (`signals`).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let fail = |e: &dyn std::fmt::Display| format!("cannot write {}: {e}", path.display());
    let target = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => path.canonicalize().map_err(|e| fail(&e))?,
        _ => path.to_path_buf(),
    };
    let existing = std::fs::metadata(&target).ok();
    if let Some(m) = &existing {
        if !m.is_file() {
            return Err(format!(
                "cannot write {}: it is not a regular file (planlint replaces only regular files)",
                path.display()
            ));
        }
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".planlint-").suffix(".tmp");
    // A new file is made as any program makes one (0666 less the umask), not owner-only as a
    // temporary file is.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| fail(&e))?;
    // A file replaced keeps its mode (a report others read stays readable to them).
    if let Some(m) = &existing {
        tmp.as_file()
            .set_permissions(m.permissions())
            .map_err(|e| fail(&e))?;
    }
    // Registered for removal on SIGINT/SIGTERM until the temporary file is renamed or removed
    // (the guard outlives `tmp`, which the closure consumes).
    let _writing = crate::signals::Writing::new(tmp.path());
    let write = move || {
        // The file itself, so an error reads as the system says it (File too large), without
        // the temporary name.
        tmp.as_file_mut()
            .write_all(bytes)
            .and_then(|()| tmp.as_file().sync_data())
            .map_err(|e| fail(&e))?;
        tmp.persist(&target).map_err(|e| fail(&e.error))?;
        Ok(())
    };
    write()
}

#[cfg(all(test, unix))]
mod tests {
    use super::write_atomic;

    #[test]
    fn a_link_is_written_through_and_a_pipe_refused() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("real.html"), "old").unwrap();
        std::os::unix::fs::symlink(d.join("real.html"), d.join("link.html")).unwrap();
        write_atomic(&d.join("link.html"), b"new").unwrap();
        assert!(std::fs::symlink_metadata(d.join("link.html"))
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(d.join("real.html")).unwrap(), "new");
        // A FIFO stays a FIFO: refused, not replaced by a regular file.
        let fifo = d.join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(
            made.is_ok_and(|s| s.success()),
            "mkfifo (coreutils) is needed"
        );
        let err = write_atomic(&fifo, b"x").unwrap_err();
        assert!(err.contains("not a regular file"), "{err}");
        assert!(!std::fs::metadata(&fifo).unwrap().is_file());
        // A directory is no file either, and nothing is left behind.
        std::fs::create_dir(d.join("dir")).unwrap();
        assert!(write_atomic(&d.join("dir"), b"x").is_err());
        let left: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn a_replaced_file_keeps_its_mode_and_a_new_one_follows_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        std::fs::write(d.join("shared.csv"), "old").unwrap();
        std::fs::set_permissions(d.join("shared.csv"), std::fs::Permissions::from_mode(0o644))
            .unwrap();
        write_atomic(&d.join("shared.csv"), b"new").unwrap();
        assert_eq!(mode(&d.join("shared.csv")), 0o644);
        std::fs::set_permissions(d.join("shared.csv"), std::fs::Permissions::from_mode(0o640))
            .unwrap();
        write_atomic(&d.join("shared.csv"), b"newer").unwrap();
        assert_eq!(mode(&d.join("shared.csv")), 0o640);
        // A new file: what a plain create gives under this process's umask.
        std::fs::write(d.join("plain"), "x").unwrap();
        write_atomic(&d.join("fresh.csv"), b"x").unwrap();
        assert_eq!(mode(&d.join("fresh.csv")), mode(&d.join("plain")));
    }
}

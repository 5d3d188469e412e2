//! What planlint does when a signal arrives while it writes a file: a file-size limit
//! (`ulimit -f`) makes the write fail with "File too large" instead of killing the process
//! without a word, and SIGINT/SIGTERM (and SIGHUP, unless the caller ignores it, as `nohup`
//! does) remove the temporary file being written before exiting.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The temporary file being written now, if any: removed when SIGINT or SIGTERM arrives.
static WRITING: Mutex<Option<PathBuf>> = Mutex::new(None);

/// While alive, marks `path` as the half-written file to remove on SIGINT/SIGTERM.
pub struct Writing(());

impl Writing {
    pub fn new(path: &Path) -> Writing {
        *lock() = Some(path.to_path_buf());
        Writing(())
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        *lock() = None;
    }
}

fn lock() -> std::sync::MutexGuard<'static, Option<PathBuf>> {
    // A panic elsewhere while holding the lock leaves a path that is still worth removing.
    WRITING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Removes the file being written, if any, and says so in the line it returns.
fn remove_half_written() -> Option<String> {
    let path = lock().take()?;
    std::fs::remove_file(&path).ok()?;
    Some(format!("removed the half-written {}", path.display()))
}

/// Installs the handlers; called once by the binary before any work. On SIGINT/SIGTERM/SIGHUP
/// planlint removes its temporary file and exits 128 + the signal's number (130, 143, 129), as
/// a shell reports a process the signal ended. A SIGHUP its caller ignores (`nohup planlint …`)
/// stays ignored: handling it would end a run the user asked to outlive the terminal.
#[cfg(unix)]
pub fn install() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGXFSZ};
    static FILE_TOO_LARGE: std::sync::atomic::AtomicBool =
        std::sync::atomic::AtomicBool::new(false);
    // Caught, so the default action (end the process) is not taken and write() returns EFBIG.
    let _ = signal_hook::flag::register(SIGXFSZ, &FILE_TOO_LARGE);
    let mut ending = vec![SIGINT, SIGTERM];
    if !ignored(SIGHUP) {
        ending.push(SIGHUP);
    }
    let Ok(mut signals) = signal_hook::iterator::Signals::new(ending) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let name = match sig {
                SIGINT => "SIGINT",
                SIGHUP => "SIGHUP",
                _ => "SIGTERM",
            };
            let line = match remove_half_written() {
                Some(removed) => format!("planlint: stopped by {name}; {removed}\n"),
                None => format!("planlint: stopped by {name}\n"),
            };
            use std::io::Write;
            let _ = std::io::stderr().lock().write_all(line.as_bytes());
            std::process::exit(128 + sig);
        }
    });
}

/// Whether the process inherited `sig` as ignored (SIG_IGN), as `nohup` leaves SIGHUP.
#[cfg(unix)]
fn ignored(sig: i32) -> bool {
    // SAFETY: sigaction with a null new action only reads the current one into `old`.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(sig, std::ptr::null(), &mut old) == 0 && old.sa_sigaction == libc::SIG_IGN
    }
}

#[cfg(not(unix))]
pub fn install() {}

#[cfg(test)]
mod tests {
    use super::{remove_half_written, Writing};

    #[test]
    fn the_file_being_written_is_removed_and_then_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = dir.path().join(".planlint-x.tmp");
        std::fs::write(&tmp, "half").unwrap();
        let guard = Writing::new(&tmp);
        let said = remove_half_written().unwrap();
        assert_eq!(said, format!("removed the half-written {}", tmp.display()));
        assert!(!tmp.exists());
        drop(guard);
        // Once the write is over nothing is registered: a later signal removes nothing.
        std::fs::write(&tmp, "done").unwrap();
        let guard = Writing::new(&tmp);
        drop(guard);
        assert_eq!(remove_half_written(), None);
        assert!(tmp.exists());
    }
}

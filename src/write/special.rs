//! Files that are not regular files: a named pipe or a character device is written into,
//! never replaced; anything else is refused with the reason.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use super::WriteError;

/// Writes into a named pipe or a character device (`/dev/stdout`, a terminal): such a file
/// is never replaced. A pipe that no one reads is refused rather than waited on; a socket
/// or a disk device is refused.
pub(super) fn write_into_special(
    path: &Path,
    meta: &fs::Metadata,
    bytes: &[u8],
) -> Result<(), WriteError> {
    let special = |what| WriteError::Special {
        path: path.to_path_buf(),
        what,
    };
    let io_err = |source: io::Error| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
        let kind = meta.file_type();
        if kind.is_fifo() {
            // Without a reader, opening a pipe to write would wait forever.
            let mut pipe = fs::OpenOptions::new()
                .write(true)
                .custom_flags(libc::O_NONBLOCK)
                .open(path)
                .map_err(|e| {
                    if e.raw_os_error() == Some(libc::ENXIO) {
                        special("it is a named pipe that no one is reading")
                    } else {
                        io_err(e)
                    }
                })?;
            let mut rest = bytes;
            while !rest.is_empty() {
                match pipe.write(rest) {
                    Ok(n) => rest = &rest[n..],
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                        std::thread::sleep(std::time::Duration::from_millis(5));
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(io_err(e)),
                }
            }
            return Ok(());
        }
        if kind.is_char_device() {
            let mut device = fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(io_err)?;
            return device.write_all(bytes).map_err(io_err);
        }
        if kind.is_socket() {
            return Err(special("it is a socket, not a file"));
        }
        if kind.is_block_device() {
            return Err(special("it is a disk device, not a file"));
        }
    }
    let _ = (meta, bytes);
    Err(special("it is not a regular file"))
}

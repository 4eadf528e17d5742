use super::*;

fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".plan-"))
        .collect()
}

#[test]
fn writes_a_new_file_and_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("memo.md");
    write_atomic(&path, b"first", false).unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"first");
    let err = write_atomic(&path, b"second", false).unwrap_err();
    assert!(matches!(err, WriteError::Exists(_)), "{err}");
    assert_eq!(fs::read(&path).unwrap(), b"first");
    write_atomic(&path, b"second", true).unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"second");
    assert!(leftovers(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn a_dangling_symlink_is_refused_without_force_and_written_through_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink("real.toml", &link).unwrap();
    let err = write_atomic(&link, b"new", false).unwrap_err();
    assert!(matches!(err, WriteError::Exists(_)), "{err}");
    assert!(!dir.path().join("real.toml").exists());
    write_atomic(&link, b"new", true).unwrap();
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(fs::read(dir.path().join("real.toml")).unwrap(), b"new");
}

#[cfg(unix)]
#[test]
fn folders_are_created_only_inside_the_plan_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("plans");
    let elsewhere = dir.path().join("elsewhere");
    fs::create_dir_all(&root).unwrap();
    fs::create_dir_all(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, root.join("q3")).unwrap();
    create_folder_inside(&root, "q2/sub").unwrap();
    assert!(root.join("q2/sub").is_dir());
    let err = create_folder_inside(&root, "q3/sub").unwrap_err();
    assert!(err.message.contains("leads out"), "{}", err.message);
    assert!(!elsewhere.join("sub").exists());
    assert!(create_folder_inside(&root, "../x").is_err());
    assert!(!dir.path().join("x").exists());
}

#[cfg(unix)]
#[test]
fn the_temporary_file_has_the_target_permissions_before_a_byte_is_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let private = dir.path().join("private.toml");
    fs::write(&private, "x").unwrap();
    fs::set_permissions(&private, fs::Permissions::from_mode(0o600)).unwrap();
    let meta = fs::metadata(&private).unwrap();
    let temp = create_temp(dir.path(), Some(&meta)).unwrap();
    let mode = fs::metadata(temp.path()).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(fs::metadata(temp.path()).unwrap().len(), 0);
}

#[test]
fn without_no_overwrite_rename_a_new_file_is_created_exclusively() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.toml");
    let refused = || Err(io::Error::from(io::ErrorKind::PermissionDenied));
    persist_new(&path, b"bytes", refused).unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"bytes");
    // An existing file is still never replaced.
    let err = persist_new(&path, b"other", refused).unwrap_err();
    assert!(matches!(err, NewFileError::Exists));
    assert_eq!(fs::read(&path).unwrap(), b"bytes");
    // When the exclusive create fails too, both causes are named.
    let missing = dir.path().join("no/such.toml");
    let NewFileError::Io(err) = persist_new(&missing, b"x", refused).unwrap_err() else {
        panic!("not an I/O error")
    };
    let text = err.to_string();
    assert!(
        text.contains("no-overwrite rename (permission denied)"),
        "{text}"
    );
}

#[test]
fn a_staged_file_is_moved_in_without_replacing_anything() {
    let dir = tempfile::tempdir().unwrap();
    let (from, to) = (dir.path().join(".stage"), dir.path().join("a.toml"));
    fs::write(&from, "new").unwrap();
    fs::write(&to, "old").unwrap();
    assert!(matches!(move_new(&from, &to), Err(WriteError::Exists(_))));
    assert_eq!(fs::read_to_string(&to).unwrap(), "old");
    fs::remove_file(&to).unwrap();
    move_new(&from, &to).unwrap();
    assert_eq!(fs::read_to_string(&to).unwrap(), "new");
    assert!(!from.exists());
}

#[test]
fn a_file_changed_since_it_was_read_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.toml");
    fs::write(&path, "edited by someone else").unwrap();
    let options = WriteOptions {
        expected: Some(b"as read"),
        ..WriteOptions::default()
    };
    let err = write_file(&path, b"new", options).unwrap_err();
    assert!(matches!(err, WriteError::Changed(_)), "{err}");
    assert_eq!(Failure::from(err).code, crate::error::EXIT_INVALID);
    assert_eq!(fs::read_to_string(&path).unwrap(), "edited by someone else");
    assert!(leftovers(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_replaced_only_with_force() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.toml");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let mut options = WriteOptions {
        expected: Some(b"old"),
        ..WriteOptions::default()
    };
    // Decided from the bits: the superuser, who could write it, is refused too.
    let err = write_file(&path, b"new", options).unwrap_err();
    assert!(matches!(err, WriteError::ReadOnly(_)), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "old");
    options.force = true;
    write_file(&path, b"new", options).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "new");
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);
}

#[test]
fn a_missing_folder_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/memo.md");
    let err = write_atomic(&path, b"x", false).unwrap_err();
    assert!(matches!(err, WriteError::Io { .. }), "{err}");
    assert_eq!(Failure::from(err).code, crate::error::EXIT_USAGE);
}

#[cfg(unix)]
#[test]
fn overwriting_keeps_permissions_and_follows_symlinks() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.md");
    fs::write(&real, "old").unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();

    write_atomic(&link, b"new", true).unwrap();
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[cfg(unix)]
#[test]
fn a_new_file_is_not_private_to_the_owner() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("memo.html");
    write_atomic(&path, b"x", false).unwrap();
    let plain = dir.path().join("plain.html");
    fs::write(&plain, b"x").unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    // tempfile alone would give 0o600; a new file follows the umask like any other.
    assert_eq!(mode(&path), mode(&plain));
}

//! Embeds every scenario under the workspace's scenarios/ into the core library, so an installed `sixparty` works from
//! any folder. Adding a scenario file needs no Rust change.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=../scenarios");
    // Read at run time, not baked in with `env!`: a build script compiled in one checkout and
    // reused from a copied target folder must still read this checkout's scenarios.
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    // The shipped scenarios live at the top of the workspace, beside the game.
    let dir = Path::new(&root).join("../scenarios");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from(
        "/// Every scenario file shipped under scenarios/: (file name, text).\npub const BUILTIN: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy();
        let _ = writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            f.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("builtin_scenarios.rs");
    fs::write(dest, out).unwrap();
}

//! Link flags that only the page's release wasm needs. wasm-split (scripts/tools/wasm-bindgen)
//! cuts the on-demand screens (src/pages/on_demand.rs) out of the page by reading the linker's
//! relocations, so the page is linked with --emit-relocs; the import worker and the browser
//! tests are not, since wasm-opt would carry the relocations into their files.
fn main() {
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let release = std::env::var("PROFILE").is_ok_and(|profile| profile == "release");
    if wasm && release {
        println!("cargo:rustc-link-arg-bin=patella=--emit-relocs");
    }
}

//! Mounts the app; nothing else.

fn main() {
    patella::platform::crash::install();
    patella::platform::document::remove_boot_shell();
    leptos::mount::mount_to_body(patella::App);
}

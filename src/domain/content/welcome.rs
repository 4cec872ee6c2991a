//! What a runner reads before anything else on their first visit: what Patella is, what it
//! is not, and how to keep it (and its data) on the phone, for the device in their hand.

/// What Patella promises, in a few lines.
pub const PROMISES: [&str; 4] = [
    "Free, with no account to make.",
    "Everything you enter stays on this phone: nothing is sent anywhere.",
    "Works with no signal once it has opened here.",
    "It helps you understand knee pain and when to get it seen. It cannot examine your knee \
     and it is not a diagnosis.",
];

/// Why the Home Screen matters: Safari deletes what a website stored after seven days of
/// use without a visit to it (WebKit's tracking prevention), except for a web app added to
/// the Home Screen; other browsers may clear a site's data when the phone runs short of space.
pub const WHY_HOME_SCREEN: &str = "Put Patella on your home screen to keep what you log: \
Safari can delete a website's data after a week without a visit, but not an app added to the \
Home Screen, and Chrome is more likely to keep an installed app's data when the phone runs \
short of space.";

/// The kind of device, for the steps that put Patella on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Device {
    /// An iPhone or iPad: Safari's Share menu.
    Apple,
    /// An Android phone: Chrome's install offer or its menu.
    Android,
    /// Anything else: a computer's browser.
    Computer,
}

impl Device {
    /// The device a browser's user agent and touch points describe. An iPad says
    /// "Macintosh" but has a touch screen.
    pub fn of(user_agent: &str, touch_points: u32) -> Device {
        if ["iPhone", "iPad", "iPod"]
            .iter()
            .any(|name| user_agent.contains(name))
            || (user_agent.contains("Macintosh") && touch_points > 1)
        {
            Device::Apple
        } else if user_agent.contains("Android") {
            Device::Android
        } else {
            Device::Computer
        }
    }

    /// How to add Patella to this device's home screen.
    pub fn home_screen_steps(self) -> &'static str {
        match self {
            Device::Apple => "On an iPhone or iPad: open Patella in Safari, tap Share, then Add to Home Screen.",
            Device::Android => "On Android: tap Install Patella, or open Chrome's menu (⋮) and tap Add to Home screen.",
            Device::Computer => "On a computer: in Chrome or Edge, choose Install in the address bar; in another browser, bookmark it.",
        }
    }

    /// Every device's steps, this one's first.
    pub fn all_steps(self) -> [&'static str; 3] {
        let others = [Device::Apple, Device::Android, Device::Computer];
        let mut steps = [self.home_screen_steps(); 3];
        for (slot, device) in steps[1..]
            .iter_mut()
            .zip(others.into_iter().filter(|d| *d != self))
        {
            *slot = device.home_screen_steps();
        }
        steps
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_device_comes_from_the_user_agent() {
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
        let ipad = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";
        let android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
        let linux = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        assert_eq!(Device::of(iphone, 5), Device::Apple);
        assert_eq!(Device::of(ipad, 5), Device::Apple);
        assert_eq!(Device::of(ipad, 0), Device::Computer);
        assert_eq!(Device::of(android, 5), Device::Android);
        assert_eq!(Device::of(linux, 0), Device::Computer);
        assert_eq!(Device::of("", 0), Device::Computer);
    }

    #[test]
    fn every_device_lists_all_steps_its_own_first() {
        for device in [Device::Apple, Device::Android, Device::Computer] {
            let steps = device.all_steps();
            assert_eq!(steps[0], device.home_screen_steps());
            let mut sorted = steps.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), 3, "{steps:?}");
        }
    }
}

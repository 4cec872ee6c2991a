//! The exercises a plan can suggest: how to do each in our words, and how much.

/// One exercise.
#[derive(Debug, PartialEq, Eq)]
pub struct Exercise {
    /// Stable id, as saved in a strength session.
    pub id: &'static str,
    pub name: &'static str,
    /// How to do it, in a few short sentences.
    pub how_to: &'static str,
    /// Sets and reps, or hold times.
    pub dose: &'static str,
    /// True for hip and glute work, whose timeline is 3 to 4 weeks.
    pub hip_work: bool,
    /// True for calf stretching, foam rolling and anything that rubs or presses the leg:
    /// never shown while a blood clot in the leg is possible, since pressing on a clot is
    /// exactly what the clot advice forbids (see `domain::triage::engine::clot_possible`).
    pub avoid_if_clot: bool,
}

pub const EXERCISES: [Exercise; 23] = [
    Exercise {
        id: "wall_sit",
        name: "Wall sits",
        how_to: "Lean your back on a wall and slide down until your knees are bent to a \
                 comfortable angle, with your feet turned out slightly and knees over your \
                 toes. Hold, breathing steadily. Go less deep if it hurts.",
        dose: "3 holds of 30 to 60 seconds",
        hip_work: false,
        avoid_if_clot: false,
    },
    Exercise {
        id: "step_down",
        name: "Step-downs",
        how_to: "Stand on a low step on one leg. Slowly lower the other heel towards the floor, \
                 keeping your standing knee in line with your second toe, then rise again. \
                 Slow and controlled beats deep.",
        dose: "2 sets of 10 on each leg",
        hip_work: false,
        avoid_if_clot: false,
    },
    Exercise {
        id: "clamshell",
        name: "Clamshells",
        how_to: "Lie on your side with hips and knees bent and feet together. Keep your feet \
                 touching and lift the top knee like a shell opening, without rolling your \
                 hips back. Lower slowly.",
        dose: "3 sets of 15 on each side",
        hip_work: true,
        avoid_if_clot: false,
    },
    Exercise {
        id: "side_lying_leg_lift",
        name: "Side-lying leg lifts",
        how_to: "Lie on your side with the bottom knee bent. Keep the top leg straight and in \
                 line with your body, toes facing forward, and lift it a hand's height, then \
                 lower slowly.",
        dose: "2 sets of 12 on each side",
        hip_work: true,
        avoid_if_clot: false,
    },
    Exercise {
        id: "monster_walk",
        name: "Monster walks",
        how_to: "Put a resistance band around your legs above the knees or ankles. With knees \
                 slightly bent, take wide steps forwards, then backwards, keeping the band \
                 tight the whole time.",
        dose: "2 sets of 10 steps in each direction",
        hip_work: true,
        avoid_if_clot: false,
    },
    Exercise {
        id: "lateral_lunge",
        name: "Side steps and side lunges",
        how_to: "Step wide to one side, sit your hips back and bend that knee while the other \
                 leg stays straight, then push back to the middle. Keep the bent knee over \
                 your toes.",
        dose: "2 sets of 8 to each side",
        hip_work: true,
        avoid_if_clot: false,
    },
    Exercise {
        id: "hamstring_bridge",
        name: "Heel bridges",
        how_to: "Lie on your back with your knees a little bent and your heels on the floor. \
                 Press down through your heels to lift your hips, feeling the back of your \
                 thighs work, and hold. When holds no longer hurt, lift and lower slowly \
                 instead.",
        dose: "5 holds of 30 seconds, later 3 sets of 10 slow lifts",
        hip_work: false,
        avoid_if_clot: false,
    },
    Exercise {
        id: "sit_to_stand",
        name: "Sit to stand",
        how_to: "Sit on a firm chair with your feet flat. Stand up without using your hands, \
                 then sit down slowly, taking three seconds. Use a higher seat if it hurts, \
                 a lower one as it gets easy.",
        dose: "3 sets of 8 to 12",
        hip_work: false,
        avoid_if_clot: false,
    },
    Exercise {
        id: "tendon_hold",
        name: "Tendon holds",
        how_to: "Stand with your back against a wall and slide down until your knees are bent \
                 about halfway, or sit on a leg-extension machine and hold the leg part-way up. \
                 Hold firmly, breathing steadily; it should feel strong, not sharp.",
        dose: "5 holds of 45 seconds, 2 minutes apart",
        hip_work: false,
        avoid_if_clot: false,
    },
    Exercise {
        id: "slow_split_squat",
        name: "Slow split squats",
        how_to: "Stand with one foot a long step ahead of the other. Lower the back knee \
                 towards the floor over three seconds and rise over three, keeping the front \
                 knee over the toes. Add weight in your hands as it gets easy.",
        dose: "3 to 4 sets of 8 on each leg",
        hip_work: false,
        avoid_if_clot: false,
    },
    Exercise {
        id: "hip_thrust",
        name: "Hip thrusts",
        how_to: "Sit with your upper back against a sofa or bench, knees bent and feet flat. \
                 Squeeze your buttocks to lift your hips until your body is level from \
                 shoulders to knees, then lower. Start with body weight; add a weight later.",
        dose: "3 sets of 10 to 12",
        hip_work: true,
        avoid_if_clot: false,
    },
    Exercise {
        id: "single_leg_squat",
        name: "Single-leg squats",
        how_to: "Stand on one leg next to a wall for balance. Bend the knee a little, keeping it \
                 in line with your toes, and stand up again. Go deeper only as control allows.",
        dose: "Build up to 3 sets of 10 on each leg",
        hip_work: true,
        avoid_if_clot: false,
    },
    Exercise {
        id: "quad_stretch",
        name: "Thigh (quad) stretch",
        how_to: "Standing, hold a wall, bend one knee and hold the ankle behind you. Keep your \
                 knees together and tuck your hips under until you feel a stretch at the front \
                 of the thigh.",
        dose: "Hold 30 seconds, 2 to 3 times on each leg",
        hip_work: false,
        avoid_if_clot: false,
    },
    Exercise {
        id: "kneecap_mobility",
        name: "Gentle kneecap glides",
        how_to: "Sit with your leg straight and the thigh relaxed. With your fingers, gently \
                 ease the kneecap up, down and to each side. It should feel easy, never sore.",
        dose: "About a minute, once or twice a day",
        hip_work: false,
        avoid_if_clot: false,
    },
    Exercise {
        id: "foam_roll_hip",
        name: "Foam rolling the hip and outer thigh",
        how_to: "Roll slowly over your buttock, the muscle at the front of the hip bone and \
                 the outer thigh, pausing on tender spots. Do not roll hard on the knee itself.",
        dose: "1 to 2 minutes on each area",
        hip_work: false,
        avoid_if_clot: true,
    },
    Exercise {
        id: "hip_flexor_stretch",
        name: "Kneeling hip flexor stretch",
        how_to: "Kneel on one knee with the other foot in front. Tuck your hips under and shift \
                 forwards until the front of the kneeling hip stretches.",
        dose: "Hold 30 seconds, 2 to 3 times on each side, daily",
        hip_work: false,
        avoid_if_clot: false,
    },
    Exercise {
        id: "calf_stretch",
        name: "Calf stretches",
        how_to: "Hands on a wall, one foot back with the heel down. Stretch with the back knee \
                 straight, then with it slightly bent to reach the lower calf.",
        dose: "Hold 30 seconds each way, twice on each leg",
        hip_work: false,
        avoid_if_clot: true,
    },
    Exercise {
        id: "couch_stretch",
        name: "Couch stretch",
        how_to: "Kneel with one shin up the front of a sofa or a wall behind you and the other \
                 foot flat in front. Lift your chest and squeeze the buttock of the back leg \
                 until the front of that hip and thigh stretch. Ease off if the knee complains.",
        dose: "Hold 30 to 60 seconds on each side",
        hip_work: false,
        avoid_if_clot: false,
    },
    Exercise {
        id: "hip_circles",
        name: "Hip circles and leg swings",
        how_to: "Holding a wall, draw slow circles with one knee lifted, then swing the leg \
                 forwards and back and across the body, a little higher each time. A gentle \
                 morning wake-up for the hips.",
        dose: "10 circles each way and 10 swings each way, on each leg",
        hip_work: false,
        avoid_if_clot: false,
    },
    Exercise {
        id: "thoracic_mobility",
        name: "Upper-back mobility (cat-cow)",
        how_to: "On hands and knees, slowly round your back up towards the ceiling, then let it \
                 sink as you lift your chest and look ahead. Move with your breath.",
        dose: "10 slow rounds",
        hip_work: false,
        avoid_if_clot: false,
    },
    Exercise {
        id: "plank",
        name: "Plank",
        how_to: "Rest on your forearms and toes with your body in one straight line from head to \
                 heels. Tighten your stomach and buttocks and breathe. Drop to your knees to \
                 make it easier.",
        dose: "3 holds of 20 to 45 seconds",
        hip_work: false,
        avoid_if_clot: false,
    },
    Exercise {
        id: "dead_bug",
        name: "Dead bugs",
        how_to: "Lie on your back, arms up and knees bent above your hips. Keeping your lower \
                 back pressed to the floor, slowly lower one arm and the opposite leg, then \
                 swap sides.",
        dose: "2 sets of 8 on each side",
        hip_work: false,
        avoid_if_clot: false,
    },
    Exercise {
        id: "bird_dog",
        name: "Bird dogs",
        how_to: "On hands and knees, reach one arm forwards and the opposite leg back until both \
                 are level with your body, without letting your hips tip. Pause, return and \
                 swap.",
        dose: "2 sets of 8 on each side",
        hip_work: false,
        avoid_if_clot: false,
    },
];

/// The exercise with this id.
pub fn find(id: &str) -> Option<&'static Exercise> {
    EXERCISES.iter().find(|exercise| exercise.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        for (i, a) in EXERCISES.iter().enumerate() {
            for b in &EXERCISES[i + 1..] {
                assert_ne!(a.id, b.id);
            }
        }
    }
}

//! A profiling harness (not a test): `prof_tmp <shape name part> <KiB> [runs]` explains the
//! named worst-case shape `runs` times, for `perf record` or `valgrind --tool=callgrind`.
#[path = "../tests/shapes/mod.rs"]
mod shapes;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let kb: usize = a[2].parse().unwrap();
    let runs: usize = a.get(3).and_then(|r| r.parse().ok()).unwrap_or(1);
    for (name, make) in shapes::ALL {
        if name.contains(a[1].as_str()) {
            let t = make(kb << 10);
            for _ in 0..runs {
                std::hint::black_box(ecr_explain::explain(&t));
            }
        }
    }
}

#[path = "../tests/shapes/mod.rs"]
mod shapes;
use ecr_explain::explain;
use std::time::Instant;
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let only = args.iter().find(|a| a.parse::<usize>().is_err()).cloned();
    let sizes: Vec<usize> = args
        .iter()
        .filter_map(|s| s.parse::<usize>().ok())
        .map(|k| k << 10)
        .collect();
    for (name, make) in shapes::ALL {
        if only.as_deref().is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let mut row = format!("{name:<40}");
        for &n in &sizes {
            let t = make(n);
            let s = Instant::now();
            let r = explain(&t);
            row += &format!(
                " {:>5}KB {:>8.3}s ({} f)",
                n >> 10,
                s.elapsed().as_secs_f64(),
                r.findings.len()
            );
        }
        println!("{row}");
    }
}

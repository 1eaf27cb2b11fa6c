#[path = "../tests/shapes/mod.rs"]
mod shapes;
use ecr_explain::explain;
use std::time::Instant;
fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|s| s.parse::<usize>().unwrap() << 10)
        .collect();
    for (name, make) in shapes::ALL {
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

#[path = "../tests/shapes/mod.rs"]
mod shapes;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let kb: usize = a[2].parse().unwrap();
    for (name, make) in shapes::ALL {
        if name.contains(a[1].as_str()) {
            let t = make(kb << 10);
            std::hint::black_box(ecr_explain::explain(&t));
        }
    }
}

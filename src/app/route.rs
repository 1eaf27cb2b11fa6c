//! Routes live in the URL fragment, so nothing reaches a server and any static host works.

#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    /// The paste box; `text` is an error passed in the fragment (`#text=` or `#z=`), if any.
    Explainer { text: Option<String> },
    /// `#errors`: every family.
    Index,
    /// `#error/<id>`: one family's page.
    Error(String),
    /// `#bucket` or `#bucket?<scenario>`: the throttling visualizer; holds the scenario query.
    Bucket(String),
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let h = hash.trim_start_matches('#');
        if h == "errors" {
            return Route::Index;
        }
        if h == "bucket" {
            return Route::Bucket(String::new());
        }
        if let Some(q) = h.strip_prefix("bucket?") {
            return Route::Bucket(q.to_string());
        }
        if let Some(id) = h.strip_prefix("error/") {
            return Route::Error(id.to_string());
        }
        // `#text=...` or `#z=...` (a share link); anything else is the plain explainer.
        let text = crate::share::from_fragment(h);
        Route::Explainer { text }
    }
}

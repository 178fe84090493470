//! The company logo from the settings (a PNG or JPEG data URL) as an image to place; a logo
//! that is missing or does not decode is left out rather than failing the document.

use base64::Engine;
use printpdf::RawImage;

/// The decoded logo, or None when there is none or it cannot be read.
pub fn decode(data_url: Option<&str>) -> Option<RawImage> {
    let data = ["data:image/png;base64,", "data:image/jpeg;base64,"].iter().find_map(|p| data_url?.strip_prefix(p))?;
    let bytes = base64::engine::general_purpose::STANDARD.decode(data.trim()).ok()?;
    let image = RawImage::decode_from_bytes(&bytes, &mut Vec::new()).ok()?;
    (image.width > 0 && image.height > 0).then_some(image)
}

/// The size (width, height) in points of an image `w` × `h` pixels fitted into `max_w` × `max_h`,
/// keeping its proportions.
pub fn fit(w: usize, h: usize, max_w: f32, max_h: f32) -> (f32, f32) {
    let (w, h) = (w.max(1) as f32, h.max(1) as f32);
    let scale = (max_w / w).min(max_h / h);
    (w * scale, h * scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_or_missing_logos_are_none() {
        assert!(decode(None).is_none());
        assert!(decode(Some("data:image/png;base64,AAAA")).is_none());
        assert!(decode(Some("data:image/png;base64,***")).is_none());
        assert!(decode(Some("data:image/gif;base64,R0lGODlhAQABAAAAACw=")).is_none());
    }

    #[test]
    fn fits_keeping_proportions() {
        let close = |(w, h): (f32, f32), (ew, eh): (f32, f32)| (w - ew).abs() < 1e-3 && (h - eh).abs() < 1e-3;
        assert!(close(fit(200, 100, 100.0, 60.0), (100.0, 50.0)));
        assert!(close(fit(100, 200, 100.0, 60.0), (30.0, 60.0)));
        assert!(close(fit(10, 10, 100.0, 60.0), (60.0, 60.0)), "a small logo grows to fit");
    }
}

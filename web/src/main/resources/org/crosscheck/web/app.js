// Upload progress for the ingest form. The form posts without this script too; with it, the upload
// shows a progress bar. FormData sends every field of the form, the hidden csrf field included.
(function () {
  var form = document.getElementById('upload');
  if (!form) {
    return;
  }
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var x = new XMLHttpRequest();
    var p = document.getElementById('progress');
    p.hidden = false;
    x.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        p.value = 100 * e.loaded / e.total;
      }
    };
    x.onload = function () {
      document.open();
      document.write(x.responseText);
      document.close();
    };
    x.open('POST', '/ingest');
    x.send(new FormData(form));
  });
})();

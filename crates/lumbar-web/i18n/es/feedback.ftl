# «¿Le ha sido útil?»: las páginas de opiniones (español). El formulario usa las claves
# feedback-* de check.ftl.

feedback-thanks-title = Gracias por su opinión
feedback-thanks-body = Su opinión nos ayuda a mejorar lumbar. Leemos todos los comentarios.
feedback-unavailable-title = Las opiniones no están disponibles en este servidor
feedback-unavailable-body = Este servidor de lumbar funciona sin base de datos, así que no puede guardar opiniones. No se ha enviado nada.
feedback-error-helpful = Elija sí o no.
feedback-error-too-long = Su comentario tiene { $length } caracteres. Acórtelo a { $max } caracteres como máximo, por favor.
feedback-back-home = Ir a la página de inicio
feedback-back-evidence = Volver a la evidencia
feedback-back-find = Volver a buscar un masajista

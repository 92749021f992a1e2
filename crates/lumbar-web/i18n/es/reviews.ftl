## Opiniones sobre un anuncio de personas que registraron una sesión allí

review-heading = Opinar sobre { $name }
review-intro = Cuente a otras personas cómo le fue en sus sesiones. Una persona moderadora lee cada opinión antes de mostrarla en el perfil; no incluya nada sobre su salud que no quiera hacer público.
review-edit-note = Ya dio su opinión sobre este terapeuta: si envía el formulario otra vez, su opinión se reemplaza y vuelve a esperar la moderación.
review-overall = En general, ¿cómo calificaría sus sesiones?
review-stars = { $n ->
    [1] 1 estrella
   *[other] { $n } estrellas
}
review-helped-back = ¿Le ayudaron las sesiones con la espalda?
review-listened = ¿El terapeuta escuchó sus necesidades?
review-respected = ¿El terapeuta respetó sus precauciones?
review-text = Sus palabras
review-text-hint = Como máximo 2000 caracteres. No incluya su nombre, su teléfono ni detalles de salud.
review-send = Enviar mi opinión
review-saved = Gracias. Su opinión aparecerá en el perfil cuando una persona moderadora la haya leído.
review-edit = Cambiar mi opinión
review-back-to-profile = Volver al perfil del terapeuta
review-not-yet = Puede opinar sobre un terapeuta cuando haya registrado una sesión con él en su plan de masajes; así, cada opinión viene de alguien que fue.
review-go-my-back = Ir a Mi espalda para registrar una sesión
review-error-overall = Elija una calificación de 1 a 5 estrellas.
review-error-text = Su texto es demasiado largo: no use más de { $max } caracteres.
profile-reviews-heading = Lo que dijeron los clientes
profile-review-write = Escribir una opinión
profile-review-helped = Les ayudó con la espalda: { $yes } de { $answered }
profile-review-listened = Escuchó sus necesidades: { $yes } de { $answered }
profile-review-respected = Respetó sus precauciones: { $yes } de { $answered }
profile-review-date = Opinión del { $date }
